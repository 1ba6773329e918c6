package dev.stellar.workers.extraction.offline;

import dev.stellar.workers.extraction.offline.CallText.Sentence;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The core problem, in the buyer's words. Each early sentence of the buyer is scored: it names the problem ("the
 * problem is ...", "the thing is ...", "our whole goal was to ...") or what they need ("I need something that ..."),
 * it describes a broken way of working ("by hand in spreadsheets", "sits in someone's inbox for weeks", "can't find"),
 * the more so when said as general ("every", "always") or explained ("because ..."), it opens the answer to
 * the seller's "what's the problem?" or "in your own words...", it sits beside the buyer's summing-up ("that's the
 * whole problem", "that's why we're doing this"), or it follows the buyer's own "honestly, it's a mess". The best
 * sentence wins, the earlier one on a tie.
 */
final class Needs {

    private static final Pattern NAMES_THE_PROBLEM = Pattern.compile("(?i)\\b(?:(?:the|our|my) (?:real |main |biggest |core |whole )?"
            + "(?:problem|issue|challenge|pain|goal|thing)(?: for us)?(?:,[^,]{1,30},)? (?:is|was)(?: that| to)?(?: basically| just"
            + "| really)?|what we need(?:ed)? (?:is|was)(?: to)?|the reason we(?:'re| are) (?:doing this|here|looking)(?: at all)?"
            + "\\s*:),?\\s+");
    private static final Pattern NEEDS_SOMETHING = Pattern.compile("(?i)\\b(?:i|we) (?:really |just )?need (?:something|a way|a system"
            + "|a tool|a platform|one place|a single)\\b");
    private static final Pattern BROKEN_WORK = Lexicon.of("by hand|manually|paper|spreadsheets?|whiteboard"
            + "|text messages|over text|too many|way too|no idea|don't know|can't (?:see|find|tell|track|get|keep)|no way to"
            + "|no visibility|running out|run out|sits? in|for weeks|re-keying|rekeying|re-enter(?:ing)?|retyping|gut feel|guesswork"
            + "|only \\w+(?: \\w+)?(?: \\w+)? percent|go(?:es)? down|without warning|nobody knows|for every single|lose the sale"
            + "|falls? through|slips? through|double-book\\w*|sell it twice|fall behind|by the seat of|re-?typ\\w*"
            + "|oversell\\w*|oversold|(?:isn't|not|aren't) synced|out of sync|(?:nobody|no one) (?:answers|checks|reads|responds"
            + "|picks up|tracks)");
    /** The problem is general, not a one-off. */
    private static final Pattern ALWAYS = Lexicon.of("every|everything|all day|all the time|always|constantly|each time|across");
    private static final Pattern BECAUSE = Lexicon.of("because");
    /** The buyer sums up the story told next to it. */
    private static final Pattern SUMMED_UP = Lexicon.of("that's the (?:whole |real |main |big )?(?:problem|issue|thing|story|short version"
            + "|point)|that's why we're (?:doing this|talking|here|looking)|long story short|bottom line|it's not (?:just )?one");
    private static final Pattern NOW = Lexicon.of("right now|today|currently|at the moment|still|every day|every night|every week");
    private static final Pattern ASKED = Lexicon.of("problem|pain|challenge|your words|own words|described it|what prompted|what made you"
            + "|reach out|tell me (?:a bit |a little )?about|still there|walk me through|the big thing|headline|why we're talking");
    private static final Pattern SOUNDS_BAD = Lexicon.of("embarrassing|a mess|a nightmare|chaos|painful|the same thing happens"
            + "|keeps me up|drives me crazy|killing us|the whole reason");
    private static final Pattern LEADING = Pattern.compile("(?i)^(?:(?:and then|and|so|but|because|yeah|yes|well|oh|okay|honestly|like)"
            + "[,\\s]+)+");
    private static final int LOOK_BACK = 5;
    /** An answer opens with the problem; its later sentences tell the story. */
    private static final int ANSWER_OPENING = 3;
    private static final int MIN_SCORE = 3;
    private static final double EARLY_PART = 0.7;

    private Needs() {
    }

    static Optional<Finding> need(CallText call) {
        Sentence best = null;
        int bestScore = MIN_SCORE - 1;
        List<Sentence> sentences = call.sentences();
        for (int i = 0; i < sentences.size(); i++) {
            Sentence s = sentences.get(i);
            if (!s.customer() || s.isQuestion() || call.position(s) > EARLY_PART) {
                continue;
            }
            int score = score(call, sentences, i);
            if (score > bestScore) {
                best = s;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best).map(s -> new Finding(inTheirWords(s.text()), 0.55, s));
    }

    private static int score(CallText call, List<Sentence> sentences, int index) {
        Sentence s = sentences.get(index);
        String lower = s.text().toLowerCase(Locale.ROOT);
        int score = 0;
        Matcher named = NAMES_THE_PROBLEM.matcher(s.text());
        if (named.find() && s.text().substring(named.end()).split("\\s+").length >= 3 || NEEDS_SOMETHING.matcher(s.text()).find()) {
            score += 3;
        }
        if (Lexicon.has(BROKEN_WORK, lower)) {
            score += 2 + (Lexicon.has(ALWAYS, lower) ? 1 : 0) + (Lexicon.has(BECAUSE, lower) ? 1 : 0);
        }
        if (Lexicon.has(NOW, lower)) {
            score += 1;
        }
        if (opensAnswer(call, s) && call.previousTurn(s).stream().anyMatch(p -> Lexicon.has(ASKED, p.lower()))) {
            score += 2;
        }
        if (besideSummingUp(sentences, index)) {
            score += 2;
        }
        for (int back = 1; back <= LOOK_BACK && index - back >= 0; back++) {
            Sentence earlier = sentences.get(index - back);
            if (earlier.utterance() != s.utterance()) {
                break;
            }
            if (Lexicon.has(SOUNDS_BAD, earlier.text().toLowerCase(Locale.ROOT))) {
                score += 1;
                break;
            }
        }
        return score;
    }

    private static boolean opensAnswer(CallText call, Sentence s) {
        return call.turnOf(s).indexOf(s) < ANSWER_OPENING;
    }

    /** Next to "that's the whole problem" or "that's why we're doing this", in the same turn. */
    private static boolean besideSummingUp(List<Sentence> sentences, int index) {
        for (int near : new int[] {index - 1, index + 1}) {
            if (near >= 0 && near < sentences.size() && sentences.get(near).utterance() == sentences.get(index).utterance()
                    && Lexicon.has(SUMMED_UP, sentences.get(near).text().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** The problem itself: after "the problem is", without the "and then" that joins it to the story. */
    private static String inTheirWords(String sentence) {
        Matcher named = NAMES_THE_PROBLEM.matcher(sentence);
        String need = named.find() ? sentence.substring(named.end()) : LEADING.matcher(sentence).replaceFirst("");
        return need.replaceAll("[.!?,;\\s]+$", "").strip();
    }
}
