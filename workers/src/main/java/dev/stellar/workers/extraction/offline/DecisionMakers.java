package dev.stellar.workers.extraction.offline;

import dev.stellar.workers.extraction.offline.CallText.Sentence;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who signs or decides on the buyer's side, as the buyer tells it. "I sign" names the speaker; "she signs it" the
 * person just named ("Linda Okafor, she's our COO. She signs it."); "it's Graham's call" the full name said elsewhere
 * ("Graham Hollis"); "the CFO signs" the title, or the person that title was given to. Signing outranks deciding;
 * someone who only recommends, drives or gets a vote is not the decision maker.
 */
final class DecisionMakers {

    private static final String TITLE = "(?:ceo|cfo|coo|cto|cio|cmo|cro|owner|founder|president|controller|vp(?: of)? \\w+"
            + "|vice president(?: of)? \\w+|head of \\w+|director of \\w+|finance director|managing director|general manager"
            + "|chief \\w+ officer|principal|superintendent|partner|board)";
    private static final String HONORIFIC = "(?:(?:Dr|Mr|Mrs|Ms)\\.?\\s+)";
    private static final String NAME = HONORIFIC + "?\\p{Lu}\\p{L}+(?:[ -]\\p{Lu}\\p{L}+)?";
    private static final String SUBJECT = "(?<subject>(?i:i|he|she)|(?i:the|our|my)\\s+(?i:" + TITLE + ")|" + NAME + ")";
    private static final String HELPERS = "(?:\\s+(?i:can|will|would|does|do|also|always|ultimately|actually|then|just|has to|needs to"
            + "|have to|need to|the one who|the one|is the one who|am the one who|is the one|am the one))*";
    private static final Pattern SIGNS = Pattern.compile("\\b" + SUBJECT + "(?:'ll|'m)?" + HELPERS
            + "\\s+(?i:sign|signs|signing|signed(?! up)|sign off|signs off|approves|approve|has the final say|makes the (?:final )?call"
            + "|make the (?:final )?call|made the call|makes the (?:final )?decision|make the (?:final )?decision|decides|decide)\\b");
    private static final Pattern THEIR_CALL = Pattern.compile("(?i:\\b(?:it's|it is|it was|that's|is|was)\\s+)(?<subject>(?i:my|his|her)"
            + "|" + NAME + "['’]s)(?i:\\s+(?:final\\s+)?(?:call|decision|sign-off|signature))\\b");
    private static final Pattern DECISION_WITH = Pattern.compile("(?i:\\b(?:sign-off|approval|sign off) from|(?:decision|call|say)"
            + " (?:is|sits|rests|lies) with)\\s+" + SUBJECT);
    /** "It's a partners' decision", "it's the board's call": a group decides together. */
    private static final String GROUP = "(?:partners|board|committee|founders|owners|directors|trustees)";
    private static final Pattern GROUP_CALL = Pattern.compile("(?i)\\b(?:it's|it is|it was|that's|is|was)\\s+(?:a|the)\\s+"
            + "(?<subject>" + GROUP + ")(?:['’]s|['’])?\\s+(?:call|decision|vote)\\b");
    private static final String COUNT = "(?:two|three|four|five|six|seven|\\d+)";
    private static final Pattern RANK_SIGN = Pattern.compile("(?i)sign|approv");
    /** A lone first name inside a sentence ("My boss, Ana."), not its first word. */
    private static final Pattern FIRST_NAME = Pattern.compile("(?<=\\S\\s)(?<first>\\p{Lu}\\p{Ll}+)\\b(?!\\s+\\p{Lu})");
    private static final Pattern CALENDAR_WORD = Pattern.compile("(?i)^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
            + "|january|february|march|april|may|june|july|august|september|october|november|december)$");
    private static final Pattern PERSON = Pattern.compile("\\b(?<first>\\p{Lu}\\p{L}+)\\s+(?<last>\\p{Lu}\\p{L}+)\\b");
    private static final Pattern NOT_A_NAME = Pattern.compile("(?i)^(?:i|it|so|and|but|the|our|my|anything|any|then|yes|yeah|no"
            + "|okay|well|also|just|if|when|that|this|we|you|they|front|dr|mr|mrs|ms|hi|hey|hello|thanks|bye|dear|morning|sorry)$");

    private DecisionMakers() {
    }

    static Optional<Finding> authority(CallText call) {
        Finding best = null;
        int bestRank = 0;
        for (Sentence s : call.sentences()) {
            if (!s.customer() || s.isQuestion()) {
                continue;
            }
            for (Pattern pattern : List.of(SIGNS, THEIR_CALL, DECISION_WITH, GROUP_CALL)) {
                Matcher m = pattern.matcher(s.text());
                while (m.find()) {
                    int rank = RANK_SIGN.matcher(m.group()).find() || pattern == DECISION_WITH ? 2 : 1;
                    Optional<String> who = resolve(call, s, m.group("subject"));
                    if (who.isPresent() && rank > bestRank) {
                        best = new Finding(who.get(), rank == 2 ? 0.8 : 0.7, s);
                        bestRank = rank;
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The person (or title) a subject stands for. */
    private static Optional<String> resolve(CallText call, Sentence s, String subject) {
        String lower = subject.toLowerCase(Locale.ROOT);
        if (lower.equals("i") || lower.equals("my")) {
            return Optional.of(s.speaker().contains(" ") ? s.speaker() : fullName(call, s.speaker()));
        }
        if (lower.matches("he|she|his|her")) {
            return lastPersonNamed(call, s);
        }
        if (lower.matches(GROUP)) {
            return Optional.of(groupAsSaid(call, lower));
        }
        Matcher title = Pattern.compile("(?i)^(?:the|our|my)\\s+(" + TITLE + ")$").matcher(subject);
        if (title.matches()) {
            return Optional.of(personWithTitle(call, title.group(1)).orElse(titleAsWritten(title.group(1))));
        }
        String name = subject.replaceAll("['’]s$", "").replaceFirst("^" + HONORIFIC, "");
        if (NOT_A_NAME.matcher(name.split("[ -]")[0]).matches()) {
            return Optional.empty();
        }
        return Optional.of(name.contains(" ") ? name : fullName(call, name));
    }

    /**
     * The last full name said in this turn before the sentence, or in the sentence itself before the pronoun; else the
     * last lone first name ("My boss, Ana. ... it's her signature"), in full if the call says it in full.
     */
    private static Optional<String> lastPersonNamed(CallText call, Sentence s) {
        String fullName = null;
        String firstName = null;
        for (Sentence earlier : call.sentences()) {
            if (earlier.utterance() != s.utterance() || earlier.index() > s.index()) {
                continue;
            }
            for (Matcher m = PERSON.matcher(earlier.text()); m.find(); ) {
                if (!NOT_A_NAME.matcher(m.group("first")).matches()) {
                    fullName = m.group();
                }
            }
            for (Matcher m = FIRST_NAME.matcher(earlier.text()); m.find(); ) {
                if (!NOT_A_NAME.matcher(m.group("first")).matches() && !CALENDAR_WORD.matcher(m.group("first")).matches()) {
                    firstName = m.group("first");
                }
            }
        }
        return Optional.ofNullable(fullName != null ? fullName : firstName == null ? null : fullName(call, firstName));
    }

    /**
     * "Graham" (or "Dr. Hollis") is "Graham Hollis" when the call says the full name (or a speaker is called that).
     */
    private static String fullName(CallText call, String name) {
        for (var u : call.utterances()) {
            if (u.speaker().startsWith(name + " ") || u.speaker().endsWith(" " + name)) {
                return u.speaker();
            }
        }
        for (Sentence s : call.sentences()) {
            for (Matcher m = PERSON.matcher(s.text()); m.find(); ) {
                if (m.group("first").equals(name)
                        || m.group("last").equals(name) && !NOT_A_NAME.matcher(m.group("first")).matches()) {
                    return m.group();
                }
            }
        }
        return name;
    }

    /** The group as the call names it most fully: "the three partners" rather than "the partners". */
    private static String groupAsSaid(CallText call, String group) {
        Pattern named = Pattern.compile("\\bthe\\s+(?:" + COUNT + "\\s+)?" + Pattern.quote(group) + "\\b");
        String found = "the " + group;
        for (Sentence s : call.sentences()) {
            for (Matcher m = named.matcher(s.text().toLowerCase(Locale.ROOT)); m.find(); ) {
                if (m.group().length() > found.length()) {
                    found = s.text().substring(m.start(), m.end());
                }
            }
        }
        return found;
    }

    /** "Linda Okafor, she's our COO", "Graham, our CFO, Graham Hollis": the person a title was given to. */
    private static Optional<String> personWithTitle(CallText call, String title) {
        Pattern named = Pattern.compile("(?<name>" + NAME + "),\\s+(?:(?i:she's|he's|who's|she is|he is)\\s+)?(?i:our|the)\\s+"
                + "(?i:" + Pattern.quote(title) + ")\\b|(?i:our|the)\\s+(?i:" + Pattern.quote(title) + "),\\s+(?<after>" + NAME + ")");
        for (Sentence s : call.sentences()) {
            Matcher m = named.matcher(s.text());
            if (m.find()) {
                String name = m.group("name") != null ? m.group("name") : m.group("after");
                return Optional.of(name.contains(" ") ? name : fullName(call, name));
            }
        }
        return Optional.empty();
    }

    private static String titleAsWritten(String title) {
        return title.length() <= 4 ? title.toUpperCase(Locale.ROOT) : title;
    }
}
