package dev.stellar.workers.extraction.offline;

import dev.stellar.workers.extraction.offline.CallText.Sentence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Other vendors the buyer evaluates or uses for the same job. A product counts when the buyer evaluated it ("we
 * looked at X", "X quoted us", "X has been pitching us", "we had X in", "a trial of X", a name given in answer to
 * "who else are you looking at?", "I looked at that" after the seller named it) or uses it for the job and is not
 * keeping it anyway ("we pay X", "we use X" — but not a system the seller sits on top of, "we're not switching that").
 * The seller's examples ("fleets come to us from X") do not count, nor what the buyer denies ("we never looked at X")
 * or used elsewhere ("at my old job we had X"). A name the buyer restates in full on its own ("Exo. Exostar.",
 * "D2L. Brightspace.") is listed in full.
 */
final class Competitors {

    private static final String NAME = "\\p{Lu}[\\p{L}\\p{N}.]*[\\p{L}\\p{N}](?:\\s+(?:\\p{Lu}[\\p{L}\\p{N}.]*[\\p{L}\\p{N}]|\\d+))*"
            + "|\\p{Lu}\\p{Lu}";
    private static final String NAMES = "(?<names>(?:" + NAME + ")(?:(?:,\\s*|,?\\s+(?i:and|or)\\s+)(?:" + NAME + "))*)";
    private static final Pattern NAME_IN_TEXT = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + NAME + ")");

    /** The buyer evaluated it. */
    private static final List<Pattern> EVALUATED = List.of(
            Pattern.compile("(?i:\\b(?:looked at|looking at|look at|evaluat(?:ing|ed)|consider(?:ing|ed)|trial(?:l)?ing|piloting"
                    + "|talk(?:ing|ed) (?:to|with)|(?:a |the )?demo (?:with|from)|demoed|(?:a |the )?quote from|(?:a |the )?proposal from"
                    + "|(?:a |the )?(?:trial|pilot|poc) (?:of|with)|trialled|trialed|piloted"
                    + "|compare(?:d)? (?:it |this |that |you )?(?:to|with)|versus|vs\\.?|tried|going with|went with|chose|signed with"
                    + "|replac(?:e|ing)|switch(?:ing)? (?:away )?from|moving off)\\s+)" + NAMES),
            Pattern.compile(NAMES + "(?i:\\s+(?:quoted|offered|came in|sent|sends|proposed|wanted|has been pitching|have been pitching"
                    + "|pitched|was in|were in|showed us|demoed|won|was out|were out|made it|is cheaper|are cheaper|said they'd))\\b"),
            Pattern.compile(NAMES + "(?i:,\\s+(?:we|i)\\s+(?:had|did|got|saw|looked at)\\s+(?:the |a |both|them|all))"),
            Pattern.compile("(?i:\\bwe have\\s+)(?<names>[\\p{L}][\\p{L}\\p{N}.]*)(?i:\\s+coming in)\\b"),
            Pattern.compile("(?i:\\bwe (?:also )?(?:had|brought)\\s+)(?<names>\\p{Lu}[\\p{L}\\p{N}.]*)(?i:\\s+(?:in|out|over|come in)"
                    + "(?:\\s+(?:here|for))?)\\b"));
    /** The buyer uses it today. */
    private static final Pattern USED = Pattern.compile("(?i:\\b(?:we use|we're using|we are using|we've been using|we're on|we are on"
            + "|we put|we pay|paying for|you're on|you are on|you use|you're using)\\s+)" + NAMES);
    private static final Pattern PAY_FOR = Pattern.compile("(?i:\\b(?:we pay|we're paying|we are paying)\\b[^.?!]{0,50}?\\bfor\\s+)" + NAMES);
    /** A sentence that is only a name: "Exostar.", "Yeah, Samsara." */
    private static final Pattern BARE_NAME = Pattern.compile("^(?i:(?:yeah|yes|oh|um|uh|so),?\\s+)?(?<name>" + NAME + ")[.!]?$");
    private static final Pattern ANSWER = Pattern.compile("^(?i:(?:yeah|yes|oh|um|uh),?\\s+)?" + NAMES + "(?:,\\s*(?i:yeah|yes|right)|[.!]|$)");
    /** Said of the product just named. */
    private static final Pattern PITCHING_IT = Lexicon.of("they(?:'ve| have)? (?:been )?pitching|they quoted|they offered|they came in"
            + "|(?:still )?paying for (?:that|it)|it's (?:also )?on the (?:list|table)|(?:the|my|our) other option|fallback|plan b"
            + "|(?:did|ran|run) a (?:pilot|trial)|(?:pilot|trial) with us|(?:looked at|looking at|considered|considering"
            + "|evaluated|tried|trialled|piloted) (?:that|it|them)");
    private static final Pattern KEEPING_IT = Lexicon.of("not switching|not going anywhere|not on the table|we're keeping|we'd keep"
            + "|we're not replacing|sit on top of|sits on top of|integrate with|integrates with|pulls? (?:straight )?(?:out of|from)");
    /** A sentence whose subject is a product named before: "They did a pilot with us, on Brazilian documents." */
    private static final Pattern POINTS_BACK = Pattern.compile("^(?i:(?:and|so|but|yeah|well),?\\s+)?(?i:they|they've|they're|it)\\b"
            + "(?!['’])");
    /** "I looked at that" after the seller named it; "we're not looking at those" does not count. */
    private static final Pattern TRIED_THAT = Pattern.compile("(?<!not |never |n't )\\b(?:looked at|looking at|considered|considering"
            + "|evaluated|tried|trialled|piloted) (?:that|it|them)\\b");
    private static final Pattern DENIED = Pattern.compile("(?i:\\b(?:never|not|didn't|don't|haven't|won't)\\s+(?:\\w+\\s+)?(?:looked at"
            + "|look at|looking at|used|use|tried|on|considered|considering|evaluating|talking to|had|be on)\\s+)" + NAMES);
    private static final Pattern ELSEWHERE = Lexicon.of("old job|previous job|last job|previous company|last company|used to work");
    private static final Pattern TOOL_QUESTION = Lexicon.of("are you on|you're on|are you using|what are you using|what do you use"
            + "|using today|use today|on today|any \\w+ today|what system|which system|what software|what tool|what platform"
            + "|current (?:provider|vendor|system|tool|platform|solution)");
    /** The seller asks who else is in the running: a name given in answer was evaluated. */
    private static final Pattern RIVALS_QUESTION = Lexicon.of("who else|anyone else|someone else|who are you (?:looking at|talking to"
            + "|evaluating|considering)|other (?:vendors|options|tools|providers)|alternatives");
    private static final Pattern REP_SAYS_THEY_EVALUATE = Lexicon.of("you(?:'re| are| were)? (?:looking at|evaluating|considering"
            + "|talking to)|the other option");
    private static final Set<String> LEADING_WORDS = Set.of("and", "so", "but", "yeah", "yes", "because", "which", "okay", "well",
            "oh", "then", "also", "honestly", "like", "the", "just", "what", "how", "about", "at", "my", "our", "for", "when", "if",
            "where", "who", "why", "um", "uh", "would", "could", "should", "can", "do", "does", "did", "is", "are", "was", "were",
            "have", "has", "will");
    private static final Pattern NOT_A_COMPETITOR = Pattern.compile("(?i)^(?:i|i'm|i'll|i've|we|it|excel|spreadsheets?|google sheets"
            + "|sheets|email|outlook|gmail|slack|zoom|teams|microsoft teams|google meet|word|notion|linkedin|jira|confluence"
            + "|docusign|amex|visa|mastercard|paypal|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march"
            + "|april|may|june|july|august|september|october|november|december|q[1-4]|ok|okay|they|he|she|you|us|them)$");

    private Competitors() {
    }

    static Optional<Finding> competitors(CallText call, Set<String> notProducts) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        List<Sentence> sentences = call.sentences();
        for (int i = 0; i < sentences.size(); i++) {
            Sentence s = sentences.get(i);
            String text = s.text();
            String lower = text.toLowerCase(Locale.ROOT);
            List<String> here = namesIn(text);
            List<String> named = here.isEmpty() || POINTS_BACK.matcher(text).find() ? namedJustBefore(call, i) : here;
            if (!s.customer()) {
                if (Lexicon.has(REP_SAYS_THEY_EVALUATE, lower)) {
                    here.forEach(n -> tally(tallies, n, s).evaluated = true);
                }
                find(USED, text).forEach(n -> tally(tallies, n, s).used += 2);
                if (Lexicon.has(KEEPING_IT, lower)) {
                    here.forEach(n -> tally(tallies, n, s).used -= 2);
                }
                continue;
            }
            if (Lexicon.has(ELSEWHERE, lower)) {
                here.forEach(n -> tally(tallies, n, s).denied = true);
                continue;
            }
            for (Pattern evaluated : EVALUATED) {
                find(evaluated, text).forEach(n -> tally(tallies, n, s).evaluated = true);
            }
            find(USED, text).forEach(n -> tally(tallies, n, s).used += 2);
            find(PAY_FOR, text).forEach(n -> tally(tallies, n, s).used += 2);
            if (answers(call, s, TOOL_QUESTION)) {
                find(ANSWER, text).forEach(n -> tally(tallies, n, s).used += 2);
            }
            if (answers(call, s, RIVALS_QUESTION)) {
                find(ANSWER, text).forEach(n -> tally(tallies, n, s).evaluated = true);
            }
            find(DENIED, text).forEach(n -> tally(tallies, n, s).denied = true);
            if (Lexicon.has(PITCHING_IT, lower) || TRIED_THAT.matcher(lower).find()) {
                named.stream().findFirst().ifPresent(n -> tally(tallies, n, s).evaluated = true);
            }
            if (Lexicon.has(KEEPING_IT, lower)) {
                named.forEach(n -> tally(tallies, n, s).used -= 2);
            }
        }
        List<String> restated = restatedNames(sentences);
        Set<String> found = new LinkedHashSet<>();
        Sentence first = null;
        for (Map.Entry<String, Tally> entry : tallies.entrySet()) {
            Tally t = entry.getValue();
            String name = inFull(t.longestName, restated);
            if (t.denied || !t.evaluated && t.used <= 0 || notProducts.contains(entry.getKey()) || notProducts.contains(key(name))
                    || NOT_A_COMPETITOR.matcher(name).matches()) {
                continue;
            }
            found.add(name);
            first = first == null ? t.evidence : first;
        }
        return first == null ? Optional.empty() : Optional.of(new Finding(List.copyOf(found), 0.65, first));
    }

    /**
     * "Yeah, Samsara." after "are you on any telematics today?", "Dentrix, yeah." after "you're on Dentrix?",
     * "Sumsub." after "who else are you talking to?"
     */
    private static boolean answers(CallText call, Sentence s, Pattern question) {
        return call.previousTurn(s).stream().anyMatch(q -> q.isQuestion() && Lexicon.has(question, q.lower()));
    }

    /**
     * Names said on their own, as a speaker restates a product in full: "Exo. Exostar.", "the Suite. NetSuite.";
     * two said on their own one after the other are one name said in parts: "D2L. Brightspace."
     */
    private static List<String> restatedNames(List<Sentence> sentences) {
        List<String> restated = new ArrayList<>();
        String previous = null;
        for (int i = 0; i < sentences.size(); i++) {
            Matcher bare = BARE_NAME.matcher(sentences.get(i).text().strip());
            String name = bare.matches() ? clean(bare.group("name")) : "";
            boolean sameTurn = i > 0 && sentences.get(i - 1).utterance() == sentences.get(i).utterance();
            if (!name.isEmpty()) {
                restated.add(name);
                if (previous != null && sameTurn) {
                    restated.add(previous + " " + name);
                }
            }
            previous = name.isEmpty() ? null : name;
        }
        return restated;
    }

    /** The longest restatement that begins or ends a word with the name: "Exo" is "Exostar", "Suite" is "NetSuite". */
    private static String inFull(String name, List<String> restated) {
        String full = name;
        String lower = name.toLowerCase(Locale.ROOT);
        for (String candidate : restated) {
            String other = candidate.toLowerCase(Locale.ROOT);
            int at = other.indexOf(lower);
            boolean wordStart = at == 0 || at > 0 && other.charAt(at - 1) == ' ';
            int end = at + lower.length();
            boolean wordEnd = end == other.length() || end < other.length() && other.charAt(end) == ' ';
            if (at >= 0 && (wordStart || wordEnd) && candidate.length() > full.length()) {
                full = candidate;
            }
        }
        return full;
    }

    /** What is known of one product, under its first word ("Observe" and "Observe.AI" are one). */
    private static final class Tally {
        String longestName = "";
        Sentence evidence;
        boolean evaluated;
        boolean denied;
        int used;
    }

    private static Tally tally(Map<String, Tally> tallies, String name, Sentence s) {
        Tally t = tallies.computeIfAbsent(key(name), k -> new Tally());
        if (name.length() > t.longestName.length()) {
            t.longestName = name;
        }
        if (t.evidence == null || !t.evidence.customer() && s.customer()) {
            t.evidence = s;
        }
        return t;
    }

    static String key(String name) {
        return name.split("[\\s.]+")[0].toLowerCase(Locale.ROOT);
    }

    private static List<String> find(Pattern pattern, String text) {
        List<String> names = new ArrayList<>();
        for (Matcher m = pattern.matcher(text); m.find(); ) {
            for (String name : m.group("names").split(",\\s*|,?\\s+(?i:and|or)\\s+")) {
                String clean = clean(name);
                if (!clean.isEmpty()) {
                    names.add(clean);
                }
            }
        }
        return names;
    }

    private static List<String> namesIn(String text) {
        List<String> names = new ArrayList<>();
        for (Matcher m = NAME_IN_TEXT.matcher(text); m.find(); ) {
            String clean = clean(m.group());
            if (!clean.isEmpty() && !NOT_A_COMPETITOR.matcher(clean).matches()) {
                names.add(clean);
            }
        }
        return names;
    }

    /**
     * What "that" and "they" point back to: the names of the sentence before in the same turn, or, opening a turn, of
     * the question (else the last sentence) of the turn before ("Would you consider staying on Moodle?" / "I looked at that.").
     */
    private static List<String> namedJustBefore(CallText call, int index) {
        List<Sentence> sentences = call.sentences();
        Sentence s = sentences.get(index);
        if (index > 0 && sentences.get(index - 1).utterance() == s.utterance()) {
            return namesIn(sentences.get(index - 1).text());
        }
        List<Sentence> before = call.previousTurn(s);
        return before.stream().filter(Sentence::isQuestion).reduce((a, b) -> b)
                .or(() -> before.stream().reduce((a, b) -> b))
                .map(referred -> namesIn(referred.text())).orElse(List.of());
    }

    /** "And AppFolio" is "AppFolio"; "Benchling's" is "Benchling". */
    private static String clean(String name) {
        String clean = name.strip().replaceAll("[.]+$", "");
        while (!clean.isEmpty() && LEADING_WORDS.contains(clean.split("\\s+")[0].toLowerCase(Locale.ROOT))) {
            clean = clean.contains(" ") ? clean.substring(clean.indexOf(' ') + 1) : "";
        }
        return clean;
    }
}
