package dev.stellar.workers.extraction.offline;

import dev.stellar.workers.extraction.offline.CallText.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the buyer wants to decide or go live, as they said it: "live before peak season in September", "decide by
 * the end of February". The phrase runs from the go-live verb to the end of the clause, so the event that sets the
 * date ("before our summer hiring class in July") is kept.
 */
final class Timelines {

    private static final String MONTH = "january|february|march|april|may|june|july|august|september|october|november|december";
    /** What a deadline hangs on: a month, a quarter, a season, an event of the buyer's year. */
    private static final String ANCHOR = "(?:" + MONTH + "|q[1-4]|quarter|year|fiscal|season|peak|summer|fall|autumn|winter|spring"
            + "|holidays?|christmas|renewal|launch|opens?|opening|kickoff|kick-off|board|audit|conference|rush|catalog|class"
            + "|cohort|semester|term|week|weeks|month|months|days|end of|go-live|busy|tax time|year-end)";
    private static final Pattern DEADLINE = Pattern.compile("\\b(?<when>(?:by the time|by|before|ahead of|in time for|no later than"
            + "|within|until|in)\\s+(?:[\\w'’-]+\\s+){0,6}?" + ANCHOR + "\\b[^.,;!?]*)");
    /** An appositive date after a comma: "before the new fiscal year, July first". */
    private static final Pattern APPOSITIVE_DATE = Pattern.compile("^,\\s*((?:" + MONTH + ")(?:\\s+[\\w-]+)?)");
    private static final Pattern CLAUSE_END = Pattern.compile(",?\\s+(?:so|because|and then|but|which|that's|when|since|if)\\b.*$");
    /** The go-live or decision words a timeline phrase starts with. */
    private static final Pattern GO_LIVE = Pattern.compile("^(?:live|go-live|go live|running|up and running|in place|rolled out"
            + "|roll it out|launch|implemented|signed|sign|decide|decision|choose|pick|switch|(?:this|it|that|everything) in"
            + "|done|ready|start|kick off|onboard(?:ed)?)\\b");
    private static final Pattern WANT = Lexicon.of("need|needs|want|wants|have to|has to|must|would like|i'd like|we'd like"
            + "|hoping|aim|aiming|plan to|planning to|goal|target|will|we'll|i'll");
    private static final Pattern TIMING_QUESTION = Lexicon.of("timing|timeline|timeframe|when|deadline|by when|how soon|live");
    private static final Pattern NOT_OURS = Lexicon.of("they could|they can|their|if we|last|ago|was|were|had");
    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final int MAX_VERB_DISTANCE = 5;

    private Timelines() {
    }

    static Optional<Finding> timeline(CallText call) {
        for (Sentence s : call.sentences()) {
            if (!s.customer() || s.isQuestion()) {
                continue;
            }
            String said = s.text().toLowerCase(Locale.ROOT);
            boolean asked = call.previousTurn(s).stream().anyMatch(p -> p.isQuestion() && Lexicon.has(TIMING_QUESTION, p.lower()));
            boolean wanted = Lexicon.has(WANT, said) && !Lexicon.has(NOT_OURS, said);
            if (!asked && !wanted) {
                continue;
            }
            Matcher m = DEADLINE.matcher(said);
            for (int from = 0; m.find(from); from = m.start("when") + 1) {
                int start = phraseStart(said, m.start("when"));
                boolean bareIn = said.startsWith("in ", m.start("when"));
                if (start == m.start("when") && (bareIn || !asked)) {
                    continue; // "in July" says when only with a go-live verb before it
                }
                return Optional.of(new Finding(phrase(s.text(), start, m.end("when")), 0.65, s));
            }
        }
        return Optional.empty();
    }

    /** Where the phrase starts: at the go-live verb just before the deadline ("live before ..."), else at the deadline. */
    private static int phraseStart(String said, int deadline) {
        List<Integer> wordStarts = new ArrayList<>();
        for (Matcher word = WORD.matcher(said.substring(0, deadline)); word.find(); ) {
            wordStarts.add(word.start());
        }
        for (int i = wordStarts.size() - 1; i >= 0 && wordStarts.size() - i <= MAX_VERB_DISTANCE; i--) {
            if (GO_LIVE.matcher(said.substring(wordStarts.get(i), deadline)).find()) {
                return wordStarts.get(i);
            }
        }
        return deadline;
    }

    private static String phrase(String text, int start, int end) {
        String phrase = CLAUSE_END.matcher(text.substring(start, end)).replaceFirst("");
        Matcher appositive = APPOSITIVE_DATE.matcher(text.substring(end).toLowerCase(Locale.ROOT));
        if (phrase.length() == end - start && appositive.find()) {
            phrase = text.substring(start, end + appositive.end());
        }
        return phrase.strip();
    }
}
