package dev.stellar.workers.trigger;

import dev.stellar.playbooks.trigger.ActionType;
import dev.stellar.playbooks.trigger.CompiledRule.PlannedAction;
import dev.stellar.playbooks.trigger.TriggerRules;
import dev.stellar.workers.account.AccountService;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.email.Sequences;
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
 * A firing's actions. Coaching tasks and e-mail sequences run today; the other actions of the catalogue fail visibly in
 * the firing log, naming what runs, until their executors arrive (CRM tasks and updates, notifications, webhooks).
 */
@Component("triggerActivities")
public class TriggerActivitiesImpl implements TriggerActivities {

    private record Firing(UUID organizationId, String ruleKey, String document, UUID meetingId, UUID ownerId) {
    }

    private final JdbcClient jdbc;
    private final TriggerService rules;
    private final AccountService accounts;
    private final Sequences sequences;
    private final Clock clock;

    public TriggerActivitiesImpl(JdbcClient jdbc, TriggerService rules, AccountService accounts, Sequences sequences,
                                 Clock clock) {
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
            default -> throw failed(action.type().key() + " cannot run yet: today rules carry out coaching_task and "
                    + "start_sequence");
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

    private Firing firing(ActionRef ref) {
        return jdbc.sql("""
                        select f.organization_id, f.rule_key, f.document, f.meeting_id, m.owner_id from trigger_firings f
                        left join meetings m on m.id = f.meeting_id where f.id = ? and f.organization_id = ?""")
                .params(UUID.fromString(ref.firingId()), UUID.fromString(ref.organizationId()))
                .query((rs, i) -> new Firing(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getObject(5, UUID.class)))
                .optional().orElseThrow(() -> failed("The firing is gone"));
    }

    private static ApplicationFailure failed(String reason) {
        return ApplicationFailure.newNonRetryableFailure(reason, Errors.ACTION_FAILED.name());
    }
}
