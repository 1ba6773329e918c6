package dev.stellar.workers.trigger;

import dev.stellar.playbooks.trigger.ActionType;
import dev.stellar.playbooks.trigger.CompiledRule.PlannedAction;
import dev.stellar.playbooks.trigger.TriggerRules;
import dev.stellar.workers.account.AccountService;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.email.EmailAddresses;
import dev.stellar.workers.email.EmailDelivery;
import dev.stellar.workers.email.EmailRejectedException;
import dev.stellar.workers.email.InvalidEmailAddressException;
import dev.stellar.workers.email.Mailbox;
import dev.stellar.workers.email.MailboxStore;
import dev.stellar.workers.email.Sequences;
import dev.stellar.workers.runtime.StellarProperties;
import dev.stellar.workflows.Errors;
import dev.stellar.workflows.trigger.TriggerActivities;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A firing's actions. Coaching tasks, e-mail sequences and notifications run today; the other actions of the catalogue
 * fail visibly in the firing log, naming what runs, until their executors arrive (CRM tasks and updates, webhooks).
 */
@Component("triggerActivities")
public class TriggerActivitiesImpl implements TriggerActivities {

    private record Firing(UUID organizationId, String ruleKey, String document, UUID meetingId, UUID ownerId,
                          String subject) {
    }

    private final JdbcClient jdbc;
    private final TriggerService rules;
    private final AccountService accounts;
    private final Sequences sequences;
    private final MailboxStore mailboxes;
    private final EmailDelivery delivery;
    private final StellarProperties stellar;
    private final Clock clock;

    public TriggerActivitiesImpl(JdbcClient jdbc, TriggerService rules, AccountService accounts, Sequences sequences,
                                 MailboxStore mailboxes, EmailDelivery delivery, StellarProperties stellar, Clock clock) {
        this.mailboxes = mailboxes;
        this.delivery = delivery;
        this.stellar = stellar;
        this.jdbc = jdbc;
        this.rules = rules;
        this.accounts = accounts;
        this.sequences = sequences;
        this.clock = clock;
    }

    @Override
    public String runAction(ActionRef ref) {
        Firing firing = firing(ref);
        List<PlannedAction> actions = TriggerRules.read(firing.document(), rules.context(firing.organizationId())).actions();
        PlannedAction action = actions.get(ref.index());
        if (firing.meetingId() == null && action.type() != ActionType.NOTIFY) {
            throw failed(action.type().key() + " needs a meeting, and this event has none");
        }
        return switch (action.type()) {
            case COACHING_TASK -> coachingTask(ref, firing, String.valueOf(action.parameters().get("title")));
            case START_SEQUENCE -> startSequence(firing, String.valueOf(action.parameters().get("sequence")));
            case NOTIFY -> notify(ref, firing, String.valueOf(action.parameters().get("to")),
                    String.valueOf(action.parameters().get("message")));
            default -> throw failed(action.type().key() + " cannot run yet: today rules carry out coaching_task, "
                    + "start_sequence and notify");
        };
    }

    @Override
    public void recordAction(ActionResult result) {
        UUID id = UUID.fromString(result.firingId());
        UUID org = UUID.fromString(result.organizationId());
        jdbc.sql("""
                        update trigger_firings set actions = jsonb_set(actions, ?::text[],
                            (actions -> ?) || jsonb_build_object('status', ?::text, 'detail', ?::text))
                        where id = ? and organization_id = ?""")
                .params("{" + result.index() + "}", result.index(), result.done() ? "DONE" : "FAILED", result.detail(),
                        id, org)
                .update();
        jdbc.sql("""
                        update trigger_firings set finished_at = ?,
                            status = case when exists (select 1 from jsonb_array_elements(actions) a
                                                       where a ->> 'status' = 'FAILED') then 'FAILED' else 'DONE' end
                        where id = ? and organization_id = ?
                          and not exists (select 1 from jsonb_array_elements(actions) a where a ->> 'status' = 'PENDING')""")
                .params(Timestamp.from(clock.instant()), id, org).update();
    }

    /** Assigned to the meeting's rep, once per rule and meeting. */
    private String coachingTask(ActionRef ref, Firing firing, String title) {
        UUID id = UUID.nameUUIDFromBytes((ref.firingId() + "|" + ref.index()).getBytes(StandardCharsets.UTF_8));
        jdbc.sql("""
                        insert into coaching_tasks (id, organization_id, meeting_id, assignee_id, criterion_key, title,
                                                    status, created_at)
                        values (?, ?, ?, ?, ?, ?, 'OPEN', ?) on conflict do nothing""")
                .params(id, firing.organizationId(), firing.meetingId(), firing.ownerId(), "trigger:" + firing.ruleKey(),
                        title, Timestamp.from(clock.instant()))
                .update();
        return "Coaching task for the meeting's rep: " + title;
    }

    /** The meeting's customers enrolled as its rep would enroll them; nobody twice. */
    private String startSequence(Firing firing, String key) {
        Caller owner = firing.ownerId() == null ? null
                : accounts.findCaller(firing.ownerId(), firing.organizationId()).orElse(null);
        if (owner == null) {
            throw failed("The meeting has no rep to send the sequence as");
        }
        try {
            int enrolled = sequences.enroll(owner, firing.meetingId(), key, List.of()).size();
            return enrolled + " contact(s) enrolled in " + key;
        } catch (RuntimeException e) {
            throw failed(e.getMessage());
        }
    }

    /**
     * An e-mail from the organisation's mailbox (else the rep's) to the meeting's rep ({@code owner}), the rep's
     * managers ({@code manager}), everyone of a role ({@code OPS}, …) or an address; sent once, keyed by the action.
     */
    private String notify(ActionRef ref, Firing firing, String to, String message) {
        List<String> recipients = recipients(firing, to.strip());
        if (recipients.isEmpty()) {
            throw failed("Nobody to notify: '" + to + "' names no one in the organisation");
        }
        Mailbox mailbox = mailboxes.find(firing.organizationId(), null)
                .or(() -> firing.ownerId() == null ? java.util.Optional.empty()
                        : mailboxes.senderFor(firing.organizationId(), firing.ownerId()))
                .orElseThrow(() -> failed("There is no mailbox to send the notification from"));
        String link = firing.meetingId() == null ? "" : "\n" + stellar.publicUrl() + "/meetings/" + firing.meetingId();
        try {
            EmailDelivery.Outcome outcome = delivery.deliver(new EmailDelivery.Request(firing.organizationId(),
                    "trigger:" + ref.firingId() + ":" + ref.index(), mailbox.id(), null, recipients, List.of(),
                    "Stellar: " + firing.ruleKey() + (firing.subject() == null ? "" : " · " + firing.subject()),
                    message + "\n\n— rule " + firing.ruleKey() + link, java.util.Map.of()));
            if (outcome instanceof EmailDelivery.Deferred deferred) {
                throw new IllegalStateException("The mailbox sends again after " + deferred.until() + ": "
                        + deferred.reason()); // retried
            }
            return "Notified " + String.join(", ", recipients);
        } catch (EmailRejectedException e) {
            throw failed(e.getMessage());
        }
    }

    private List<String> recipients(Firing firing, String to) {
        if (to.equalsIgnoreCase("owner")) {
            return jdbc.sql("select email from users where id = ? and organization_id = ?")
                    .params(firing.ownerId(), firing.organizationId()).query(String.class).list();
        }
        if (to.equalsIgnoreCase("manager")) {
            List<String> team = jdbc.sql("""
                            select m.email from users m join users o on o.id = ? and o.team_id = m.team_id
                            where m.organization_id = ? and m.role = 'MANAGER' order by m.email""")
                    .params(firing.ownerId(), firing.organizationId()).query(String.class).list();
            return team.isEmpty() ? withRole(firing, "MANAGER") : team; // a rep without a team: every manager
        }
        if (java.util.Arrays.stream(dev.stellar.workers.account.Role.values()).anyMatch(r -> r.name().equalsIgnoreCase(to))) {
            return withRole(firing, to.toUpperCase(java.util.Locale.ROOT));
        }
        try {
            return List.of(EmailAddresses.normalise(to, "notify.to"));
        } catch (InvalidEmailAddressException e) {
            throw failed(e.getMessage());
        }
    }

    private List<String> withRole(Firing firing, String role) {
        return jdbc.sql("select email from users where organization_id = ? and role = ? order by email")
                .params(firing.organizationId(), role).query(String.class).list();
    }

    private Firing firing(ActionRef ref) {
        return jdbc.sql("""
                        select f.organization_id, f.rule_key, f.document, f.meeting_id, m.owner_id, f.subject
                        from trigger_firings f
                        left join meetings m on m.id = f.meeting_id where f.id = ? and f.organization_id = ?""")
                .params(UUID.fromString(ref.firingId()), UUID.fromString(ref.organizationId()))
                .query((rs, i) -> new Firing(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getString(6)))
                .optional().orElseThrow(() -> failed("The firing is gone"));
    }

    private static ApplicationFailure failed(String reason) {
        return ApplicationFailure.newNonRetryableFailure(reason, Errors.ACTION_FAILED.name());
    }
}
