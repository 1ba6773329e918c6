package dev.stellar.playbooks.sequence;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The local hours of a business day that sequence mail goes out in, e.g. {@code from: "09:00", to: "17:00"}. */
public record SendWindow(String from, String to) {

    public static final SendWindow OFFICE_HOURS = new SendWindow("09:00", "17:00");

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        LocalTime start = parse(from);
        LocalTime end = parse(to);
        if (start == null) {
            problems.add("send-window.from: a time such as 09:00");
        }
        if (end == null) {
            problems.add("send-window.to: a time such as 17:00");
        }
        if (start != null && end != null && !start.isBefore(end)) {
            problems.add("send-window: 'from' must be before 'to'");
        }
        return problems;
    }

    public LocalTime start() {
        return parse(from);
    }

    public LocalTime end() {
        return parse(to);
    }

    private static LocalTime parse(String text) {
        try {
            return text == null ? null : LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
