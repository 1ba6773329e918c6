package dev.stellar.workers.extraction.offline;

import dev.stellar.workers.extraction.offline.CallText.Sentence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Other vendors the buyer evaluates or uses for the same job. A product counts when the buyer evaluated it ("we
 * looked at X", "X quoted us", "X has been pitching us", "we have X coming in") or uses it for the job and is not
 * keeping it anyway ("we pay X", "we use X" — but not a system the seller sits on top of, "we're not switching that").
 * The seller's examples ("fleets come to us from X") do not count, nor what the buyer denies ("we never looked at X")
 * or used elsewhere ("at my old job we had X").
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
                    + "|compare(?:d)? (?:it |this |that |you )?(?:to|with)|versus|vs\\.?|tried|going with|went with|chose|signed with"
                    + "|replac(?:e|ing)|switch(?:ing)? (?:away )?from|moving off)\\s+)" + NAMES),
            Pattern.compile(NAMES + "(?i:\\s+(?:quoted|offered|came in|sent|sends|proposed|wanted|has been pitching|have been pitching"
                    + "|pitched|was in|were in|showed us|demoed|won|was out|were out|made it|is cheaper|are cheaper|said they'd))\\b"),
            Pattern.compile(NAMES + "(?i:,\\s+(?:we|i)\\s+(?:had|did|got|saw|looked at)\\s+(?:the |a |both|them|all))"),
            Pattern.compile("(?i:\\bwe have\\s+)(?<names>[\\p{L}][\\p{L}\\p{N}.]*)(?i:\\s+coming in)\\b"));
    /** The buyer uses it today. */
    private static final Pattern USED = Pattern.compile("(?i:\\b(?:we use|we're using|we are using|we've been using|we're on|we are on"
            + "|we put|we pay|paying for|you're on|you are on|you use|you're using)\\s+)" + NAMES);
    private static final Pattern PAY_FOR = Pattern.compile("(?i:\\b(?:we pay|we're paying|we are paying)\\b[^.?!]{0,50}?\\bfor\\s+)" + NAMES);
    private static final Pattern ANSWER = Pattern.compile("^(?i:(?:yeah|yes|oh|um|uh),?\\s+)?" + NAMES + "(?:,\\s*(?i:yeah|yes|right)|[.!]|$)");
    /** Said of the product just named. */
    private static final Pattern PITCHING_IT = Lexicon.of("they(?:'ve| have)? (?:been )?pitching|they quoted|they offered|they came in"
            + "|(?:still )?paying for (?:that|it)|it's (?:also )?on the (?:list|table)|the other option|other option on the table");
    private static final Pattern KEEPING_IT = Lexicon.of("not switching|not going anywhere|not on the table|we're keeping|we'd keep"
            + "|we're not replacing|sit on top of|sits on top of|integrate with|integrates with|pulls? (?:straight )?(?:out of|from)");
    private static final Pattern DENIED = Pattern.compile("(?i:\\b(?:never|not|didn't|don't|haven't|won't)\\s+(?:\\w+\\s+)?(?:looked at"
            + "|look at|used|use|tried|on|considered|had|be on)\\s+)" + NAMES);
    private static final Pattern ELSEWHERE = Lexicon.of("old job|previous job|last job|previous company|last company|used to work");
    private static final Pattern TOOL_QUESTION = Lexicon.of("are you on|you're on|are you using|what are you using|what do you use"
            + "|using today|use today|on today|any \\w+ today|what system|which system|what software|what tool|what platform");
    private static final Pattern REP_SAYS_THEY_EVALUATE = Lexicon.of("you(?:'re| are| were)? (?:looking at|evaluating|considering"
            + "|talking to)|the other option");
    private static final Set<String> LEADING_WORDS = Set.of("and", "so", "but", "yeah", "yes", "because", "which", "okay", "well",
            "oh", "then", "also", "honestly", "like", "the", "just", "what", "how", "about", "at", "my", "our", "for", "when", "if",
            "where", "um", "uh");
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
            List<String> named = here.isEmpty() ? namedJustBefore(sentences, i) : here;
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
            if (answersToolQuestion(call, s)) {
                find(ANSWER, text).forEach(n -> tally(tallies, n, s).used += 2);
            }
            find(DENIED, text).forEach(n -> tally(tallies, n, s).denied = true);
            if (Lexicon.has(PITCHING_IT, lower)) {
                named.stream().findFirst().ifPresent(n -> tally(tallies, n, s).evaluated = true);
            }
            if (Lexicon.has(KEEPING_IT, lower)) {
                named.forEach(n -> tally(tallies, n, s).used -= 2);
            }
        }
        List<String> found = new ArrayList<>();
        Sentence first = null;
        for (Map.Entry<String, Tally> entry : tallies.entrySet()) {
            Tally t = entry.getValue();
            if (t.denied || !t.evaluated && t.used <= 0 || notProducts.contains(entry.getKey())
                    || NOT_A_COMPETITOR.matcher(t.longestName).matches()) {
                continue;
            }
            found.add(t.longestName);
            first = first == null ? t.evidence : first;
        }
        return first == null ? Optional.empty() : Optional.of(new Finding(List.copyOf(found), 0.65, first));
    }

    /** "Yeah, Samsara." after "are you on any telematics today?", "Dentrix, yeah." after "you're on Dentrix?" */
    private static boolean answersToolQuestion(CallText call, Sentence s) {
        return call.previousTurn(s).stream().anyMatch(q -> q.isQuestion() && Lexicon.has(TOOL_QUESTION, q.lower()));
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

    /** The names of the sentence before, in the same turn: what "that" and "they" point back to. */
    private static List<String> namedJustBefore(List<Sentence> sentences, int index) {
        if (index == 0 || sentences.get(index - 1).utterance() != sentences.get(index).utterance()) {
            return List.of();
        }
        return namesIn(sentences.get(index - 1).text());
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
