package dev.stellar.playbooks.trigger;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened, as rules see it. Values are strings, numbers ({@link java.math.BigDecimal}), booleans, dates
 * (ISO strings) or lists of strings; money is its amount.
 *
 * @param id       unique per event: a rule fires once per event, however often it is delivered
 * @param values   by name: {@code meeting.owner}, {@code fields.outcome}, {@code deal.stage}, …
 * @param previous the values before, for a change ({@code changed from}/{@code changed to})
 */
public record TriggerEvent(String id, EventType type, Instant occurredAt, Map<String, Object> values,
                           Map<String, Object> previous) {

    public TriggerEvent {
        values = values == null ? Map.of() : Map.copyOf(values);
        previous = previous == null ? Map.of() : Map.copyOf(previous);
    }
}
