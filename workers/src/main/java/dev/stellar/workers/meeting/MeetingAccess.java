package dev.stellar.workers.meeting;

import dev.stellar.workers.account.Caller;

/**
 * Who may act on a meeting's drafts and CRM changes: ADMIN and OPS on all, a manager on the team's, a rep on their own.
 * One SQL condition on the meeting (aliased {@code m}), so every store asks the same question.
 */
public final class MeetingAccess {

    /** Append to a query over {@code meetings m}; bind {@link #parameters(Caller)} in its place. */
    public static final String VISIBLE = """
             and (? in ('ADMIN', 'OPS') or m.owner_id = ?
                  or (? = 'MANAGER' and m.owner_id in (select u.id from users u where u.organization_id = m.organization_id
                        and u.team_id = (select me.team_id from users me where me.id = ?))))
            """;

    private MeetingAccess() {
    }

    public static Object[] parameters(Caller caller) {
        return new Object[] {caller.role().name(), caller.userId(), caller.role().name(), caller.userId()};
    }
}
