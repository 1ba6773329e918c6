package dev.stellar.playbooks.sequence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A follow-up sequence: what to send after a meeting, and when, until the contact answers.
 *
 * @param timeZone   whose business days and send window count, or {@code null} for the sending mailbox's
 * @param sendWindow the local hours mail goes out in (default 09:00 to 17:00)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SequenceTemplate(String key, String name, String description,
                               @JsonProperty("time-zone") String timeZone,
                               @JsonProperty("send-window") SendWindow sendWindow,
                               List<SequenceStep> steps) {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{1,62}");
    public static final int MAX_STEPS = 20;

    public SequenceTemplate {
        sendWindow = sendWindow == null ? SendWindow.OFFICE_HOURS : sendWindow;
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** Everything wrong with the template, each naming where; empty when it can be used. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (key == null || !KEY.matcher(key).matches()) {
            problems.add("key: lower-case letters, digits and dashes, starting with a letter (e.g. after-the-demo)");
        }
        if (name == null || name.isBlank()) {
            problems.add("name: required");
        }
        if (timeZone != null) {
            try {
                ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                problems.add("time-zone: '" + timeZone + "' is not an IANA zone such as Europe/Berlin");
            }
        }
        problems.addAll(sendWindow.problems());
        if (steps.isEmpty()) {
            problems.add("steps: at least one");
        }
        if (steps.size() > MAX_STEPS) {
            problems.add("steps: at most " + MAX_STEPS);
        }
        for (int i = 0; i < steps.size(); i++) {
            for (String problem : steps.get(i).problems()) {
                problems.add("steps[" + i + "]." + problem);
            }
        }
        return problems;
    }

    public ZoneId zoneOr(ZoneId fallback) {
        return timeZone == null ? fallback : ZoneId.of(timeZone);
    }
}
