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
 * the end of February". The buyer's answer to the seller's timing question says it best; else a deadline the buyer
 * volunteers with a go-live verb or as what they want ("I want the drivers on it by the first"). The phrase runs
 * from that verb (or from what is wanted) to the end of the clause, so the event that sets the date ("before our
 * summer hiring class in July", "by September first, when Dunmore opens") is kept. A deadline the buyer denies
 * ("we're not changing anything before Christmas") is none.
 */
final class Timelines {

    private static final String MONTH = "january|february|march|april|may|june|july|august|september|october|november|december";
    /** What a deadline hangs on: a month, a quarter, a season, an event of the buyer's year. */
    private static final String ANCHOR = "(?:" + MONTH + "|q[1-4]|quarter|year|fiscal|season|peak|summer|fall|autumn|winter|spring"
            + "|holidays?|christmas|renewal|launch|opens?|opening|kickoff|kick-off|board|audit|conference|rush|catalog|class"
            + "|cohort|semester|term|week|weeks|month|months|days|end of|go-live|busy|tax time|year-end|easter|thanksgiving"
            + "|black friday|halloween|new year|ramadan|diwali|hanukkah|labou?r day|memorial day)";
    private static final Pattern DEADLINE = Pattern.compile("\\b(?<when>(?:(?:sometime|some time)\\s+)?(?:by the time|by|before|ahead of"
            + "|in time for|no later than|within|until|in)\\s+(?:[\\w'’-]+\\s+){0,6}?(?:(?:mid|early|late)-)?" + ANCHOR
            + "\\b[^.,;!?]*)");
    /** After a comma, the date or the event a deadline stands for: "the new fiscal year, July first", ", when X opens". */
    private static final Pattern APPOSITIVE_DATE = Pattern.compile("^,\\s*((?:" + MONTH + ")(?:\\s+[\\w-]+)?|when\\s+[^.,;!?]+)");
    private static final Pattern CLAUSE_END = Pattern.compile(",?\\s+(?:so|because|and then|but|which|that's|when|since|if)\\b.*$");
    /** The go-live or decision words a timeline phrase starts with. */
    private static final Pattern GO_LIVE = Pattern.compile("^(?:live|go-live|go live|running|up and running|in place|rolled out"
            + "|roll it out|launch|implemented|signed|sign|decide|decision|choose|pick|switch|(?:this|it|that|everything) in"
            + "|done|ready|start|kick off|onboard(?:ed)?)\\b");
    private static final Pattern WANT = Lexicon.of("need|needs|want|wants|have to|has to|must|would like|i'd like|we'd like"
            + "|hoping|aim|aiming|plan to|planning to|goal|target|will|we'll|i'll");
    /** What is wanted comes right after these: "I want [the drivers on it by the first]". */
    private static final Pattern WANT_VERB = Lexicon.of("want|wants|need|needs|would like|i'd like|we'd like|hoping|hope|aiming");
    private static final Pattern TIMING_QUESTION = Lexicon.of("timing|timeline|timeframe|when|deadline|by when|how soon|live");
    /** Words that ask about timing even without a question mark: "And timing, you said before the fall term." */
    private static final Pattern TIMING_TOPIC = Lexicon.of("timing|timeline|timeframe|deadline");
    private static final Pattern NEGATED = Pattern.compile("\\b(?:not|never|no)\\b|n't\\b");
    private static final Pattern NOT_OURS = Lexicon.of("they could|they can|their|if we|last|ago|was|were|had");
    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final int MAX_VERB_DISTANCE = 5;
    private static final int MAX_OBJECT_WORDS = 5;

    private Timelines() {
    }

    static Optional<Finding> timeline(CallText call) {
        Optional<Finding> answered = firstDeadline(call, true);
        return answered.isPresent() ? answered : firstDeadline(call, false);
    }

    /** The first deadline the buyer gives in answer to a timing question, or else (not answering) volunteers. */
    private static Optional<Finding> firstDeadline(CallText call, boolean answering) {
        for (Sentence s : call.sentences()) {
            if (!s.customer() || s.isQuestion()) {
                continue;
            }
            String said = s.text().toLowerCase(Locale.ROOT);
            if (answering ? !askedAboutTiming(call, s) : !Lexicon.has(WANT, said) || Lexicon.has(NOT_OURS, said)) {
                continue;
            }
            Matcher m = DEADLINE.matcher(said);
            for (int from = 0; m.find(from); from = m.start("when") + 1) {
                int deadline = m.start("when");
                if (denied(said, deadline)) {
                    continue;
                }
                int start = phraseStart(said, deadline, answering);
                boolean bareIn = said.startsWith("in ", deadline);
                if (start == deadline && (bareIn || !answering)) {
                    continue; // "in July" says when only with a go-live verb before it
                }
                return Optional.of(new Finding(phrase(s.text(), start, m.end("when")), 0.65, s));
            }
        }
        return Optional.empty();
    }

    private static boolean askedAboutTiming(CallText call, Sentence s) {
        return call.previousTurn(s).stream().anyMatch(p -> p.isQuestion() && Lexicon.has(TIMING_QUESTION, p.lower())
                || Lexicon.has(TIMING_TOPIC, p.lower()));
    }

    /** "We're not going to change anything before Christmas": the clause before the deadline denies it. */
    private static boolean denied(String said, int deadline) {
        String before = said.substring(0, deadline);
        String clause = before.substring(Math.max(before.lastIndexOf(','), before.lastIndexOf(';')) + 1);
        return NEGATED.matcher(clause).find();
    }

    /**
     * Where the phrase starts: at the go-live verb just before the deadline ("live before ..."); for a volunteered
     * deadline, else right after the want verb ("I want [the drivers on it by ...]"); else at the deadline.
     */
    private static int phraseStart(String said, int deadline, boolean answering) {
        List<Integer> wordStarts = new ArrayList<>();
        for (Matcher word = WORD.matcher(said.substring(0, deadline)); word.find(); ) {
            wordStarts.add(word.start());
        }
        for (int i = wordStarts.size() - 1; i >= 0 && wordStarts.size() - i <= MAX_VERB_DISTANCE; i--) {
            if (GO_LIVE.matcher(said.substring(wordStarts.get(i), deadline)).find()) {
                return wordStarts.get(i);
            }
        }
        if (!answering) {
            int window = wordStarts.isEmpty() ? deadline : wordStarts.get(Math.max(0, wordStarts.size() - MAX_OBJECT_WORDS - 1));
            Matcher want = WANT_VERB.matcher(said.substring(window, deadline));
            int after = -1;
            while (want.find()) {
                after = window + want.end();
            }
            if (after >= 0 && after < deadline) {
                return said.substring(0, deadline).indexOf(' ', after) + 1;
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
