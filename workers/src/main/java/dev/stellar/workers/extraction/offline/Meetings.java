package dev.stellar.workers.extraction.offline;

import dev.stellar.playbooks.schema.FieldDefinition;
import dev.stellar.workers.extraction.offline.CallText.Sentence;
import dev.stellar.workers.extraction.offline.SpokenDates.DateMention;
import java.util.Optional;
import java.util.regex.Pattern;

/** The day of the next agreed meeting: the last future day named where a meeting is being set. */
final class Meetings {

    private static final Pattern MEETING = Lexicon.of("meet|meeting|call|appointment|signing|sign|session|demo|see you"
            + "|come in|zoom|teams|catch up|touch base|follow up|follow-up|walk through|walkthrough|calendar|invite|book"
            + "|booked|schedule|scheduled|slot|works for|work for|o'clock|\\d{1,2}(?::\\d{2})?\\s?(?:am|pm|a\\.m\\.|p\\.m\\.)"
            + "|at \\d{1,2}(?::\\d{2})?|noon|morning|afternoon|reconvene|regroup|talk then|talk on|speak on|chat on|sync"
            + "|review|presentation|pencil|lock (?:it|that) in|hold|same time|next call|next meeting|follow up call|check-in");
    private static final Pattern DEADLINE = Pattern.compile("\\b(?:by|before|until|no later than|due)\\s+(?:next\\s+|this\\s+|the\\s+end\\s+of\\s+)?$");

    private Meetings() {
    }

    static Optional<Finding> nextMeeting(CallText call, FieldDefinition field) {
        Finding found = null;
        for (Sentence s : call.sentences()) {
            if (call.position(s) < 0.4) {
                continue;
            }
            boolean meetingTalk = Lexicon.has(MEETING, s.lower()) || call.previousTurn(s).stream()
                    .anyMatch(p -> Lexicon.has(MEETING, p.lower()));
            if (!meetingTalk) {
                continue;
            }
            for (DateMention mention : SpokenDates.find(s.normalized(), call.referenceDate())) {
                String before = s.lower().substring(0, Math.min(mention.start(), s.lower().length()));
                if (!mention.date().isAfter(call.referenceDate()) || DEADLINE.matcher(before).find()) {
                    continue;
                }
                found = new Finding(mention.date().toString(), 0.7, s);
            }
        }
        return Optional.ofNullable(found);
    }
}
