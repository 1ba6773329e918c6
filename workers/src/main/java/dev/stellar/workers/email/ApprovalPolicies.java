package dev.stellar.workers.email;

import dev.stellar.workers.account.Caller;
import dev.stellar.workers.account.RoleRequiredException;
import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How long drafted e-mails wait for a person in an organisation: when the approver is reminded and when a draft expires.
 * The organisation's own policy, else {@code stellar.email.remind-after} and {@code expire-after}. ADMIN and OPS set it.
 */
@Service
public class ApprovalPolicies {

    /** The longest a draft may wait: a follow-up older than this is stale. */
    static final Duration LONGEST_WAIT = Duration.ofDays(30);

    /** @param own whether the organisation set it (else the defaults apply) */
    public record Policy(Duration remindAfter, Duration expireAfter, boolean own) {
    }

    private final JdbcClient jdbc;
    private final EmailProperties defaults;

    public ApprovalPolicies(JdbcClient jdbc, EmailProperties defaults) {
        this.jdbc = jdbc;
        this.defaults = defaults;
    }

    public Policy of(UUID organizationId) {
        return jdbc.sql("select remind_after_minutes, expire_after_minutes from email_policies where organization_id = ?")
                .params(organizationId)
                .query((rs, i) -> new Policy(Duration.ofMinutes(rs.getInt(1)), Duration.ofMinutes(rs.getInt(2)), true))
                .optional()
                .orElseGet(() -> new Policy(defaults.remindAfter(), defaults.expireAfter(), false));
    }

    /** @throws InvalidApprovalException unless 1 minute ≤ remind &lt; expire ≤ 30 days; nothing is changed then */
    public Policy set(Caller caller, Duration remindAfter, Duration expireAfter) {
        if (!MailboxService.ORGANISATION_EDITORS.contains(caller.role())) {
            throw new RoleRequiredException("changing the approval policy", MailboxService.ORGANISATION_EDITORS);
        }
        if (remindAfter == null || expireAfter == null || remindAfter.toMinutes() < 1
                || remindAfter.compareTo(expireAfter) >= 0 || expireAfter.compareTo(LONGEST_WAIT) > 0) {
            throw new InvalidApprovalException("The reminder must come at least a minute after drafting and before the "
                    + "expiry, and drafts expire within 30 days");
        }
        jdbc.sql("""
                        insert into email_policies (organization_id, remind_after_minutes, expire_after_minutes)
                        values (?, ?, ?)
                        on conflict (organization_id) do update set remind_after_minutes = excluded.remind_after_minutes,
                            expire_after_minutes = excluded.expire_after_minutes""")
                .params(caller.organizationId(), (int) remindAfter.toMinutes(), (int) expireAfter.toMinutes())
                .update();
        return of(caller.organizationId());
    }
}
