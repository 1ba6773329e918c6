package dev.stellar.workers.trigger;

import dev.stellar.playbooks.trigger.CompiledRule;
import dev.stellar.playbooks.trigger.EventType;
import dev.stellar.playbooks.trigger.TriggerEngine;
import dev.stellar.playbooks.trigger.TriggerEngine.Check;
import dev.stellar.playbooks.trigger.TriggerEngine.Evaluation;
import dev.stellar.playbooks.trigger.TriggerEvent;
import dev.stellar.workers.account.Caller;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A rule run against the organisation's past events, with no side effects: which would have fired, with the values
 * each condition saw and the actions that would have run. Past events are rebuilt from what Stellar keeps: analysed
 * and captured meetings (with their extracted fields) and the deal changes pulled from the CRM.
 */
@Service
public class TriggerBacktest {

    /** Events looked at, at most. */
    static final int LIMIT = 1000;

    /** One past event and what the rule made of it. */
    public record Hit(String eventId, String subject, Instant occurredAt, boolean fires, List<Check> checks,
                      List<String> actions) {
    }

    /**
     * @param considered past events of the rule's kind in the window
     * @param note       what could not be looked at, or null
     */
    public record Result(String rule, int version, int days, int considered, int fired, List<Hit> hits, String note) {
    }

    private final TriggerService rules;
    private final MeetingEvents events;
    private final JdbcClient jdbc;
    private final Clock clock;

    public TriggerBacktest(TriggerService rules, MeetingEvents events, JdbcClient jdbc, Clock clock) {
        this.rules = rules;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @param days how far back, 1 to 365 */
    @Transactional(readOnly = true)
    public Result run(Caller caller, String key, int days) {
        CompiledRule rule = rules.compiled(caller, key);
        int window = Math.max(1, Math.min(365, days));
        Instant since = clock.instant().minus(Duration.ofDays(window));
        List<TriggerEvent> past = switch (rule.event()) {
            case MEETING_ANALYSED, MEETING_CAPTURED -> events.meetings(caller.organizationId(), since, null,
                    rule.event() == EventType.MEETING_ANALYSED, LIMIT);
            case DEAL_STAGE_CHANGED, DEAL_AMOUNT_CHANGED -> dealChanges(caller.organizationId(), since, rule.event());
            default -> List.of();
        };
        List<Hit> hits = new ArrayList<>();
        for (TriggerEvent event : past) {
            Evaluation evaluation = TriggerEngine.evaluate(rule, event);
            hits.add(new Hit(event.id(), String.valueOf(event.values().getOrDefault("meeting.title",
                    event.values().get("deal.key"))), event.occurredAt(), evaluation.fires(), evaluation.checks(),
                    evaluation.fires() ? rule.actions().stream().map(a -> a.type().key() + " " + a.parameters()).toList()
                            : List.of()));
        }
        String note = past.isEmpty() && !List.of(EventType.MEETING_ANALYSED, EventType.MEETING_CAPTURED,
                EventType.DEAL_STAGE_CHANGED, EventType.DEAL_AMOUNT_CHANGED).contains(rule.event())
                ? "Past " + rule.event().key() + " events are not kept yet: the backtest covers meetings and deal changes"
                : null;
        return new Result(key, rules.get(caller, key).version(), window, past.size(),
                (int) hits.stream().filter(Hit::fires).count(), hits, note);
    }

    private List<TriggerEvent> dealChanges(UUID organizationId, Instant since, EventType type) {
        String field = type == EventType.DEAL_STAGE_CHANGED ? "stage" : "amount";
        return jdbc.sql("""
                        select id, deal_key, old_value, new_value, occurred_at from crm_events
                        where organization_id = ? and type = ? and occurred_at >= ? order by occurred_at desc limit ?""")
                .params(organizationId, type.key(), Timestamp.from(since), LIMIT)
                .query((rs, i) -> {
                    Map<String, Object> values = new LinkedHashMap<>();
                    Map<String, Object> previous = new LinkedHashMap<>();
                    MeetingEvents.put(values, "deal.key", rs.getString("deal_key"));
                    MeetingEvents.put(values, "deal." + field, MeetingEvents.ruleValue(rs.getString("new_value")));
                    MeetingEvents.put(previous, "deal." + field, MeetingEvents.ruleValue(rs.getString("old_value")));
                    return new TriggerEvent("crm:" + rs.getObject("id", UUID.class), type,
                            rs.getTimestamp("occurred_at").toInstant(), values, previous);
                }).list();
    }

}
