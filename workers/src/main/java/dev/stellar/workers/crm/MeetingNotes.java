package dev.stellar.workers.crm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stellar.workers.meeting.Attendee;
import dev.stellar.workers.meeting.MeetingDetail.Insight;
import dev.stellar.workers.meeting.MeetingStore;
import dev.stellar.workers.meeting.MeetingSummary;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The note that logs a meeting on its CRM records: the subject on the first line, then who was there, the facts the
 * call established and its next steps, all from the extracted fields (nothing the call did not say).
 */
@Component
public class MeetingNotes {

    /** A note's change is keyed by its marker, and its one "property" is the text. */
    static final String KEY = "marker";
    static final String PROPERTY = "note";

    private final MeetingStore meetings;

    public MeetingNotes(MeetingStore meetings) {
        this.meetings = meetings;
    }

    /** A token unique to the meeting and the connection, written into the note so that a retry finds it. */
    static String marker(UUID meetingId, UUID connectionId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((meetingId + "|" + connectionId).getBytes(StandardCharsets.UTF_8));
            return "stellar" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String text(UUID organizationId, UUID meetingId, List<Attendee> customers, Map<String, Insight> insights) {
        MeetingSummary meeting = meetings.summary(organizationId, meetingId).orElseThrow();
        List<String> lines = new ArrayList<>();
        String day = meeting.startedAt() == null ? "" : " (" + meeting.startedAt().atZone(ZoneOffset.UTC).toLocalDate() + ")";
        lines.add("Meeting: " + meeting.title() + day);
        lines.add("With: " + customers.stream().map(a -> a.name() == null ? a.email() : a.name() + " <" + a.email() + ">")
                .collect(Collectors.joining(", ")) + (meeting.ownerName() == null ? "" : "; " + meeting.ownerName()));
        List<String> steps = new ArrayList<>();
        for (Insight insight : insights.values()) {
            if (insight.key().equals("next_steps")) {
                insight.value().forEach(step -> steps.add("- " + step.asText()));
            } else {
                lines.add(label(insight.key()) + ": " + value(insight.value()));
            }
        }
        if (!steps.isEmpty()) {
            lines.add("Next steps:");
            lines.addAll(steps);
        }
        return String.join("\n", lines);
    }

    private static String label(String key) {
        String words = key.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String value(JsonNode value) {
        if (value.isObject() && value.has("amount")) {
            return value.get("amount").decimalValue().stripTrailingZeros().toPlainString()
                    + (value.hasNonNull("currency") ? " " + value.get("currency").asText() : "");
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asText()));
            return String.join(", ", items);
        }
        return value.asText();
    }
}
