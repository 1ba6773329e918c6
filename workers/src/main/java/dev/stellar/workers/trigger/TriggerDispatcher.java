package dev.stellar.workers.trigger;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stellar.playbooks.trigger.CompiledRule;
import dev.stellar.playbooks.trigger.TriggerEngine;
import dev.stellar.playbooks.trigger.TriggerEngine.Evaluation;
import dev.stellar.playbooks.trigger.TriggerEvent;
import dev.stellar.playbooks.trigger.TriggerRuleException;
import dev.stellar.playbooks.trigger.TriggerRules;
import dev.stellar.workflows.TaskQueues;
import dev.stellar.workflows.trigger.TriggerRunWorkflow;
import dev.stellar.workflows.trigger.TriggerRunWorkflow.FiringInput;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Live firings: an event is evaluated against the organisation's switched-on rules of its kind; each rule that fires
 * gets a firing row (its id from rule, version and event: a second delivery finds it and stops) with the conditions'
 * values, within the rule's hourly limit, and a {@link TriggerRunWorkflow} that runs its actions.
 */
@Component
public class TriggerDispatcher {

    private static final Logger log = LoggerFactory.getLogger(TriggerDispatcher.class);
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final JdbcClient jdbc;
    private final TriggerService rules;
    private final MeetingEvents meetings;
    private final WorkflowClient workflows;
    private final Clock clock;

    public TriggerDispatcher(JdbcClient jdbc, TriggerService rules, MeetingEvents meetings, WorkflowClient workflows,
                             Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.meetings = meetings;
        this.workflows = workflows;
        this.clock = clock;
    }

    /** A meeting was analysed: its event, with its fields, to the organisation's rules. @return firings started */
    public int meetingAnalysed(UUID organizationId, UUID meetingId) {
        List<TriggerEvent> events = meetings.meetings(organizationId, Instant.EPOCH, meetingId, true, 1);
        return events.isEmpty() ? 0 : dispatch(organizationId, meetingId, events.get(0));
    }

    int dispatch(UUID organizationId, UUID meetingId, TriggerEvent event) {
        int started = 0;
        record Enabled(String key, int version, String document) {
        }
        List<Enabled> enabled = jdbc.sql("""
                        select rule_key, version, document from trigger_rules
                        where organization_id = ? and enabled and event_type = ?""")
                .params(organizationId, event.type().key())
                .query((rs, i) -> new Enabled(rs.getString(1), rs.getInt(2), rs.getString(3))).list();
        for (Enabled rule : enabled) {
            CompiledRule compiled;
            try {
                compiled = TriggerRules.read(rule.document(), rules.context(organizationId));
            } catch (TriggerRuleException e) {
                log.warn("Rule {} no longer fits the organisation's fields, skipped: {}", rule.key(), e.getMessage());
                continue;
            }
            Evaluation evaluation = TriggerEngine.evaluate(compiled, event);
            if (!evaluation.fires()) {
                continue;
            }
            Instant now = clock.instant();
            int lastHour = jdbc.sql("select count(*) from trigger_firings where organization_id = ? and rule_key = ?"
                            + " and fired_at > ?")
                    .params(organizationId, rule.key(), Timestamp.from(now.minus(Duration.ofHours(1))))
                    .query(Integer.class).single();
            if (lastHour >= compiled.document().firingsPerHour()) {
                log.warn("Rule {} reached its {} firings an hour; event {} left alone", rule.key(),
                        compiled.document().firingsPerHour(), event.id());
                continue;
            }
            UUID firing = UUID.nameUUIDFromBytes((organizationId + "|" + rule.key() + "|" + rule.version() + "|"
                    + event.id()).getBytes(StandardCharsets.UTF_8));
            boolean fresh = jdbc.sql("""
                            insert into trigger_firings (id, organization_id, rule_key, rule_version, document, event_id,
                                event_type, subject, meeting_id, checks, actions, status, fired_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, 'RUNNING', ?)
                            on conflict do nothing""")
                    .params(firing, organizationId, rule.key(), rule.version(), rule.document(), event.id(),
                            event.type().key(), String.valueOf(event.values().get("meeting.title")), meetingId,
                            json(evaluation.checks()), json(compiled.actions().stream()
                                    .map(a -> Map.of("action", a.type().key(), "status", "PENDING")).toList()),
                            Timestamp.from(now))
                    .update() == 1;
            if (fresh) {
                start(organizationId, firing, compiled.actions().size());
                started++;
            }
        }
        return started;
    }

    /** Starts the firing's run; one already running (or run) is left alone. */
    void start(UUID organizationId, UUID firing, int actions) {
        TriggerRunWorkflow run = workflows.newWorkflowStub(TriggerRunWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(TriggerRunWorkflow.idFor(organizationId.toString(), firing.toString()))
                .setTaskQueue(TaskQueues.MEETINGS)
                .build());
        try {
            WorkflowClient.start(run::run, new FiringInput(organizationId.toString(), firing.toString(), actions));
        } catch (WorkflowExecutionAlreadyStarted already) {
            log.debug("Firing {} runs already", firing);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
