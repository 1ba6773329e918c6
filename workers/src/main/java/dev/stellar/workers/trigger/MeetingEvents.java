package dev.stellar.workers.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stellar.playbooks.trigger.EventType;
import java.math.BigDecimal;
import dev.stellar.playbooks.trigger.TriggerEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Meetings as rules see them: the meeting's owner, team, platform, title and schema, and for an analysed meeting its
 * extracted fields ({@code fields.<key>}). The same events for a backtest over the past and a live firing now; the
 * event's id is the meeting's, so a meeting fires a rule version once.
 */
@Component
public class MeetingEvents {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final JdbcClient jdbc;

    public MeetingEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param meetingId one meeting, or null for all in the window
     * @param analysed  meeting.analysed events (completed meetings, with their fields), else meeting.captured
     */
    public List<TriggerEvent> meetings(UUID organizationId, Instant since, UUID meetingId, boolean analysed, int limit) {
        record Row(UUID id, String title, String platform, String schema, String owner, String team, Instant at) {
        }
        List<Row> rows = jdbc.sql("""
                        select m.id, m.title, m.platform, m.field_schema, u.email as owner, t.name as team,
                               coalesce(m.started_at, m.created_at) as at
                        from meetings m left join users u on u.id = m.owner_id left join teams t on t.id = u.team_id
                        where m.organization_id = ? and coalesce(m.started_at, m.created_at) >= ?
                          and (cast(? as uuid) is null or m.id = ?) and (not ? or m.status = 'COMPLETED')
                        order by at desc limit ?""")
                .params(organizationId, Timestamp.from(since), meetingId, meetingId, analysed, limit)
                .query((rs, i) -> new Row(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("platform"),
                        rs.getString("field_schema"), rs.getString("owner"), rs.getString("team"),
                        rs.getTimestamp("at").toInstant()))
                .list();
        Map<UUID, Map<String, Object>> fields = new HashMap<>();
        if (analysed && !rows.isEmpty()) {
            jdbc.sql("select meeting_id, field_key, value::text from insights where organization_id = ?"
                            + " and meeting_id = any (?)")
                    .params(organizationId, rows.stream().map(Row::id).toArray(UUID[]::new))
                    .query((rs, i) -> {
                        fields.computeIfAbsent(rs.getObject(1, UUID.class), id -> new LinkedHashMap<>())
                                .put("fields." + rs.getString(2), ruleValue(rs.getString(3)));
                        return null;
                    }).list();
        }
        List<TriggerEvent> events = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> values = new LinkedHashMap<>(fields.getOrDefault(row.id(), Map.of()));
            put(values, "meeting.title", row.title());
            put(values, "meeting.platform", row.platform());
            put(values, "meeting.schema", row.schema());
            put(values, "meeting.owner", row.owner());
            put(values, "meeting.team", row.team());
            events.add(new TriggerEvent((analysed ? "meeting.analysed:" : "meeting.captured:") + row.id(),
                    analysed ? EventType.MEETING_ANALYSED : EventType.MEETING_CAPTURED, row.at(), values, Map.of()));
        }
        return events;
    }

    /** A stored value as rules see it: numbers and amounts as numbers, lists as lists of text, the rest as text. */
    static Object ruleValue(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(stored);
            if (node.isObject() && node.has("amount")) {
                return node.get("amount").decimalValue();
            }
            if (node.isNumber()) {
                return node.decimalValue();
            }
            if (node.isArray()) {
                List<String> items = new ArrayList<>();
                node.forEach(item -> items.add(item.asText()));
                return items;
            }
            if (node.isBoolean() || node.isTextual()) {
                return node.asText();
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // not JSON: a CRM's plain value
        }
        try {
            return new BigDecimal(stored);
        } catch (NumberFormatException e) {
            return stored;
        }
    }

    static void put(Map<String, Object> values, String name, Object value) {
        if (value != null) {
            values.put(name, value);
        }
    }
}
