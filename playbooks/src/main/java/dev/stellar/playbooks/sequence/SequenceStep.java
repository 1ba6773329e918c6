package dev.stellar.playbooks.sequence;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * One e-mail of a sequence.
 *
 * @param afterBusinessDays business days after the previous message (the meeting's follow-up, for the first step)
 * @param subject           Mustache template; a reply in the thread when it starts with {@code Re:}
 * @param body              Mustache template over {@link SequenceMessages#VARIABLES}
 * @param reviewBeforeSend  whether a person approves this step in the inbox before it goes out (default: no)
 */
public record SequenceStep(@JsonProperty("after-business-days") int afterBusinessDays, String subject, String body,
                           @JsonProperty("review-before-send") Boolean reviewBeforeSend) {

    public static final int MAX_DELAY_DAYS = 90;

    public SequenceStep {
        reviewBeforeSend = reviewBeforeSend != null && reviewBeforeSend; // optional in the document
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (afterBusinessDays < 0 || afterBusinessDays > MAX_DELAY_DAYS) {
            problems.add("after-business-days: between 0 and " + MAX_DELAY_DAYS);
        }
        if (subject == null || subject.isBlank()) {
            problems.add("subject: required");
        } else {
            SequenceMessages.check(subject).ifPresent(p -> problems.add("subject: " + p));
        }
        if (body == null || body.isBlank()) {
            problems.add("body: required");
        } else {
            SequenceMessages.check(body).ifPresent(p -> problems.add("body: " + p));
        }
        return problems;
    }
}
