package dev.stellar.workers.extraction.offline;

import dev.stellar.playbooks.schema.FieldDefinition;
import dev.stellar.workers.extraction.offline.CallText.Sentence;
import dev.stellar.workers.extraction.offline.SpokenDates.DateMention;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The day of the next agreed meeting. A meeting is agreed over several turns ("how's the twelfth?" / "the twelfth
 * works" / "I'll send the invite for the twelfth"), so every future day named where a meeting is being set earns
 * points, and the day with the most wins; a later day wins a tie.
 */
final class Meetings {

    private static final Pattern MEETING = Lexicon.of("meet|meeting|call|appointment|signing|sign|session|demo|see you"
            + "|come in|zoom|teams|catch up|touch base|follow up|follow-up|walk through|walkthrough|calendar|invite|book"
            + "|booked|schedule|scheduled|slot|works for|work for|o'clock|\\d{1,2}(?::\\d{2})?\\s?(?:am|pm|a\\.m\\.|p\\.m\\.)"
            + "|at \\d{1,2}(?::\\d{2})?|noon|morning|afternoon|reconvene|regroup|talk then|talk on|speak on|chat on|sync"
            + "|talk (?:to you|again)|speak (?:to you|again)"
            + "|review|presentation|pencil|lock (?:it|that) in|hold|same time|next call|next meeting|follow up call|check-in"
            + "|kickoff|kick-off|deep dive");
    /** Someone else's meeting is not ours: "the board meets April fourteenth", "at the committee meeting". */
    private static final Pattern THEIR_MEETING = Lexicon.of("(?:board|committee|council) (?:meets|is meeting)"
            + "|(?:board|committee|council|staff) meeting");
    /** A day something is due by, or waits for, is no meeting: "the file by Friday", "after the fourteenth". */
    private static final Pattern DEADLINE = Pattern.compile("\\b(?:by|before|after|until|till|no later than|due(?: on)?|ahead of"
            + "|(?:hold|holding|held) (?:them|us|you|him|her|it) to|through|end of)\\s+(?:next\\s+|this\\s+|the\\s+end\\s+of\\s+)?$");

    private Meetings() {
    }

    static Optional<Finding> nextMeeting(CallText call, FieldDefinition field) {
        Map<LocalDate, Integer> points = new LinkedHashMap<>();
        Map<LocalDate, Sentence> lastSaid = new LinkedHashMap<>();
        for (Sentence s : call.sentences()) {
            if (call.position(s) < 0.4) {
                continue;
            }
            int weight = Lexicon.has(THEIR_MEETING, s.lower()) ? 0
                    : Lexicon.has(MEETING, s.lower()) ? 2 : inMeetingTalk(call, s) ? 1 : 0;
            if (weight == 0) {
                continue;
            }
            String said = s.text().toLowerCase(Locale.ROOT);
            for (DateMention mention : SpokenDates.find(s.text(), call.referenceDate())) {
                if (!mention.date().isAfter(call.referenceDate())
                        || DEADLINE.matcher(said.substring(0, mention.start())).find()) {
                    continue;
                }
                points.merge(mention.date(), weight, Integer::sum);
                lastSaid.remove(mention.date()); // keeps the map in order of the last mention
                lastSaid.put(mention.date(), s);
            }
        }
        LocalDate best = null;
        for (LocalDate date : lastSaid.keySet()) {
            if (best == null || points.get(date) >= points.get(best)) {
                best = date;
            }
        }
        return best == null ? Optional.empty() : Optional.of(new Finding(best.toString(), 0.7, lastSaid.get(best)));
    }

    /**
     * Said in a turn that talks about meeting ("Nine a.m." / "on the twelfth?"), or in answer to a question that
     * proposed one ("How does next week look?").
     */
    private static boolean inMeetingTalk(CallText call, Sentence s) {
        boolean ownTurn = call.sentences().stream()
                .anyMatch(o -> o.utterance() == s.utterance() && Lexicon.has(MEETING, o.lower()));
        List<Sentence> previous = call.previousTurn(s);
        return ownTurn || previous.stream().anyMatch(Sentence::isQuestion)
                && previous.stream().anyMatch(p -> Lexicon.has(MEETING, p.lower()));
    }
}
