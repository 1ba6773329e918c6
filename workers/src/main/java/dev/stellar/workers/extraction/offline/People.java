package dev.stellar.workers.extraction.offline;

import dev.stellar.playbooks.schema.FieldDefinition;
import dev.stellar.workers.extraction.offline.CallText.Sentence;
import dev.stellar.workers.transcript.TranscriptParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The family around an estate plan: the client, their spouse, marital status, children. */
final class People {

    private static final String NAME = "\\p{Lu}[\\p{L}'’-]+";
    private static final Pattern SELF_INTRODUCTION = Pattern.compile(
            "(?i:\\b(?:my name is|my name's|this is|i'm|i am|it's)\\s+)(?<name>" + NAME + "(?:\\s+" + NAME + ")?)");
    private static final Pattern SPOUSE_NAMED = Pattern.compile(
            "(?i:\\bmy\\s+(?:wife|husband|spouse|partner|fianc[eé]e?)(?:'s name is|,|\\s+is called|\\s+is named)?\\s+)(?<name>"
                    + NAME + "(?:\\s+" + NAME + ")?)");
    /** The spouse named around the word: "my husband and I, Karim, ...", "That's Emeka. My husband." */
    private static final List<Pattern> SPOUSE_NAMED_AROUND = List.of(
            Pattern.compile("(?i:\\bmy\\s+(?:wife|husband|spouse|partner)\\s+and\\s+i,\\s+)(?<name>" + NAME + ")"),
            Pattern.compile("(?i:\\b(?:that's|that is|this is|it's|and|with)\\s+)(?<name>" + NAME + ")[.,]\\s+(?i:my\\s+(?:wife|husband"
                    + "|spouse|partner))\\b"),
            // "I'll need to talk to my wife. Mei-Ling handles the family side": the next sentence opens with her name
            Pattern.compile("(?i:\\bmy\\s+(?:wife|husband|spouse|partner)\\.\\s+)(?<name>" + NAME + ")(?=\\s+\\p{Ll})"));
    private static final Pattern NOT_A_NAME = Pattern.compile(
            "(?i)^(?:the|i|we|here|sure|glad|happy|sorry|just|so|and|but|okay|ok|yes|yeah|no|not|also|still|really|actually"
                    + "|going|gonna|looking|calling|a|an|on|in|at|with|from|fine|good|great|well|home|back|out|over|all|both|he|she"
                    + "|they|it|is|was|has|had|very|too|pretty|kind|sort|definitely|probably|hoping|worried|retired|married"
                    + "|divorced|widowed|single|separated|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february"
                    + "|march|april|may|june|july|august|september|october|november|december)$");
    /** A customer who says they are someone's spouse ("it's Daniel, Ada's husband") is not the client. */
    private static final Pattern SPOUSE_SELF_INTRODUCTION = Pattern.compile("\\b(?:i'm|i am|it's|this is)\\b[^.?!]*?"
            + "\\b(?:\\p{L}+'s|her|his) (?:husband|wife|partner|spouse)\\b");
    /** A grown child (or other relative) on the call to help, who is not the client. */
    private static final Pattern HELPING_RELATIVE = Pattern.compile("\\bi(?:'m| am) (?:his|her|their) (?:son|daughter|niece"
            + "|nephew|grandson|granddaughter)\\b|^(?:dad|mom|mum|mama|papa)\\b|,\\s*(?:dad|mom|mum)\\s*[.,!?]");
    private static final Pattern MARRIED = Lexicon.of("my wife|my husband|my spouse|we're married|we are married|we've been married"
            + "|been married|our marriage|married for|married \\d+ years|we got married|my hubby|(?:i|we) married");
    /** A first marriage mentioned means a second one: married now, whatever ended the first (divorce, a death). */
    private static final Pattern REMARRIED = Lexicon.of("remarried|re-married|married again|second marriage|my first marriage"
            + "|my first (?:wife|husband)|(?:my|our) current (?:wife|husband|marriage)");
    private static final Pattern WIDOWED = Lexicon.of("widow|widowed|widower|lost my (?:wife|husband)|my (?:late )?(?:wife|husband)"
            + " (?:passed|died)|(?:wife|husband) passed|since (?:my )?(?:wife|husband) passed|my late (?:wife|husband)");
    private static final Pattern DIVORCED = Lexicon.of("divorced|my divorce|the divorce|my ex|ex-wife|ex-husband|ex wife|ex husband");
    private static final Pattern SEPARATED = Lexicon.of("separated|we're separating|legally separated|separation");
    private static final Pattern PARTNERSHIP = Lexicon.of("domestic partner|domestic partnership|registered partner|civil union"
            + "|not married but|aren't married|are not married|never married but|living together|my partner");
    private static final Pattern SINGLE = Lexicon.of("i'm single|i am single|never married|never been married|not married"
            + "|never got married");
    private static final Pattern MARITAL_QUESTION = Lexicon.of("married|a partner|spouse|husband|wife");
    private static final Pattern ANSWER_SINGLE = Pattern.compile("^(?:no|nope|nah|single)\\b");
    private static final Pattern ANSWER_MARRIED = Pattern.compile("^(?:yes|yep|yeah|yup|we are|i am|\\d+ years)\\b");
    private static final Pattern CHILD_COUNT = Pattern.compile(
            "\\b(?<count>\\d{1,2}|no|a|an|one|two|three|four|five|six)\\s+(?:(?:grown|adult|little|young|wonderful|beautiful|biological|step|amazing)[- ]?)?"
                    + "(?<what>kids|children|child|sons|daughters|son|daughter|boys|girls|stepkids|stepchildren)\\b");
    private static final Pattern CHILDREN_QUESTION = Lexicon.of("kids|children|child|sons|daughters");
    private static final Pattern ONLY_CHILD = Lexicon.of("(?:my|our) only (?:kid|child|son|daughter)|(?:he's|she's) an only child");
    /** "Any other children?" — a no there says nothing about how many. */
    private static final Pattern MORE_CHILDREN_QUESTION = Lexicon.of("other|more|else|another|from before");
    /** A child named in passing, when no count is ever said: "our daughter Mira". */
    private static final Pattern NAMED_CHILD = Pattern.compile("\\b(?i:our|my)\\s+(?i:son|daughter)\\s*,?\\s+(?<name>\\p{Lu}\\p{L}+)");
    /** An answer that opens with the count: "Two. Aoife, she's nine", "We have 2— no, wait. 3." */
    private static final Pattern COUNT_ANSWER = Pattern.compile(
            "^(?:(?:so|well|we have|we've got|i have|i've got|yeah|yes|um|uh|just)[,\\s]+)*(?<count>\\d{1,2}|no|none|one)(?=[.,!?—–-]|$)");
    /** An adviser talking about families in general, not this one: "most families with two kids". */
    private static final Pattern GENERAL_TALK = Lexicon.of("families|people|clients|most|many|usually|often|if|some"
            + "|a lot of|parents");
    private static final Pattern NOT_OWN_CHILDREN = Lexicon.of("grandkids|grandchildren|their kids|his kids|her kids"
            + "|nieces|nephews|brother has|sister has");

    private People() {
    }

    static Optional<Finding> clientName(CallText call, FieldDefinition field) {
        Optional<String> client = clientSpeaker(call);
        for (Sentence s : call.sentences()) {
            if (s.customer() && call.position(s) < 0.35 && (client.isEmpty() || s.speaker().equals(client.get()))) {
                Matcher m = SELF_INTRODUCTION.matcher(s.text());
                if (m.find() && !isNotName(m.group("name"))) {
                    String introduced = m.group("name");
                    String full = fullNameOf(introduced, s.speaker());
                    return Optional.of(new Finding(full, 0.85, s));
                }
            }
        }
        return client.flatMap(name -> firstSentenceOf(call, name).map(s -> new Finding(name, 0.75, s)));
    }

    /**
     * Who the plan is for: of the customers on the call, not the grown child who came along to help ("I'm her
     * daughter") nor the spouse ("Ada's husband"), but the one the adviser greets first; else the first to speak.
     */
    static Optional<String> clientSpeaker(CallText call) {
        List<String> candidates = call.roles().customers().stream()
                .filter(name -> !TranscriptParser.UNKNOWN_SPEAKER.equals(name))
                .filter(name -> !isRelativeHelping(call, name))
                .toList();
        List<String> principals = candidates.stream().filter(name -> !isSpouseOfAnother(call, name)).toList();
        if (!principals.isEmpty()) {
            candidates = principals;
        }
        if (candidates.isEmpty()) {
            return call.roles().customers().stream().filter(name -> !TranscriptParser.UNKNOWN_SPEAKER.equals(name)).findFirst();
        }
        for (Sentence s : call.sentences()) {
            if (call.position(s) > 0.2) {
                break;
            }
            if (!s.customer()) {
                Optional<String> greeted = candidates.stream().filter(name -> addresses(s.text(), name)).findFirst();
                if (greeted.isPresent()) {
                    return greeted;
                }
            }
        }
        return Optional.of(candidates.get(0));
    }

    private static boolean isRelativeHelping(CallText call, String speaker) {
        return call.sentences().stream().filter(s -> s.speaker().equals(speaker))
                .anyMatch(s -> Lexicon.has(HELPING_RELATIVE, s.lower()));
    }

    /**
     * A customer on the call as the client's spouse: they introduce themselves so ("Ada's husband"), or another
     * customer introduces them ("This is my wife Ingrid").
     */
    private static boolean isSpouseOfAnother(CallText call, String speaker) {
        String firstName = speaker.strip().split("\\s+")[0];
        return call.sentences().stream().filter(Sentence::customer).anyMatch(s -> s.speaker().equals(speaker)
                ? SPOUSE_SELF_INTRODUCTION.matcher(s.lower()).find()
                : spouseNamedIn(s).filter(named -> named.split("\\s+")[0].equals(firstName)).isPresent());
    }

    /** The adviser says the customer's first name, or their title and family name ("Mrs. Abernathy"). */
    private static boolean addresses(String text, String speaker) {
        String[] names = speaker.strip().split("\\s+");
        String family = Pattern.quote(names[names.length - 1]);
        return Pattern.compile("\\b" + Pattern.quote(names[0]) + "\\b").matcher(text).find()
                || names.length > 1 && Pattern.compile("\\b(?:Mr|Mrs|Ms|Miss|Dr)\\.?\\s+" + family + "\\b").matcher(text).find();
    }

    static Optional<Finding> spouseName(CallText call, FieldDefinition field) {
        Optional<String> client = clientSpeaker(call);
        Optional<String> spouseOnCall = spouseOnCall(call, client);
        for (Sentence s : call.sentences()) {
            if (!s.customer()) {
                continue;
            }
            Optional<String> named = spouseNamedIn(s);
            if (named.isPresent()) {
                String name = named.get();
                // "my husband, Daniel" while Daniel Ramirez is on the call: the fuller name
                String full = spouseOnCall.filter(other -> other.startsWith(name + " ")).orElse(name);
                return Optional.of(new Finding(full, 0.8, s));
            }
        }
        return spouseOnCall.flatMap(other -> firstSentenceOf(call, other).map(s -> new Finding(other, 0.75, s)));
    }

    private static Optional<String> spouseNamedIn(Sentence s) {
        Matcher m = SPOUSE_NAMED.matcher(s.text());
        if (m.find() && !isNotName(m.group("name").split("\\s+")[0])) {
            String name = m.group("name");
            if (name.split("\\s+").length > 1 && isNotName(name.split("\\s+")[1])) {
                name = name.split("\\s+")[0];
            }
            return Optional.of(name);
        }
        for (Pattern around : SPOUSE_NAMED_AROUND) {
            Matcher a = around.matcher(s.utterance().text()); // the name and "my husband" may be two sentences
            if (a.find() && !isNotName(a.group("name"))) {
                return Optional.of(a.group("name"));
            }
        }
        return Optional.empty();
    }

    /** A second customer on the call of a married or partnered client, unless they came as the client's child. */
    private static Optional<String> spouseOnCall(CallText call, Optional<String> client) {
        Optional<Object> status = maritalStatus(call, null).map(Finding::value);
        if (client.isEmpty() || status.isEmpty() || !status.get().equals("married") && !status.get().equals("domestic_partnership")) {
            return Optional.empty();
        }
        return call.roles().customers().stream()
                .filter(other -> !other.equals(client.get()) && !TranscriptParser.UNKNOWN_SPEAKER.equals(other))
                .filter(other -> !isRelativeHelping(call, other))
                .findFirst();
    }

    /** The strongest status the customers state; a plain yes or no to "are you married?" counts too. */
    static Optional<Finding> maritalStatus(CallText call, FieldDefinition field) {
        Finding found = null;
        int strength = 0;
        for (Sentence s : call.sentences()) {
            if (!s.customer()) {
                continue;
            }
            Status said = statusSaid(s.lower());
            if (said == null && isFirstAnswerTo(call, s, MARITAL_QUESTION)) {
                said = statusAnswered(s.lower());
            }
            if (said != null && said.rank() >= strength && (field == null || field.values().contains(said.value()))) {
                found = new Finding(said.value(), 0.6 + 0.05 * said.rank(), s);
                strength = said.rank();
            }
        }
        return Optional.ofNullable(found);
    }

    /** A status and how strongly it overrides others: widowed beats "my wife" said of the late wife. */
    private record Status(String value, int rank) {
    }

    private static Status statusSaid(String lower) {
        if (Lexicon.has(REMARRIED, lower)) {
            return new Status("married", 6);
        }
        if (Lexicon.has(WIDOWED, lower)) {
            return new Status("widowed", 5);
        }
        if (Lexicon.has(SEPARATED, lower)) {
            return new Status("separated", 4);
        }
        if (Lexicon.has(DIVORCED, lower)) {
            return new Status("divorced", 3);
        }
        if (Lexicon.has(PARTNERSHIP, lower)) {
            return new Status("domestic_partnership", 3);
        }
        if (Lexicon.has(SINGLE, lower)) {
            return new Status("single", 2);
        }
        if (Lexicon.has(MARRIED, lower)) {
            return new Status("married", 1);
        }
        return null;
    }

    private static Status statusAnswered(String lower) {
        if (ANSWER_SINGLE.matcher(lower).find()) {
            return new Status("single", 2);
        }
        if (ANSWER_MARRIED.matcher(lower).find()) {
            return new Status("married", 1);
        }
        return null;
    }

    /** The sentence opens a customer's answer to an adviser's question on the topic. */
    private static boolean isFirstAnswerTo(CallText call, Sentence s, Pattern topic) {
        boolean opensAnswer = call.turnOf(s).indexOf(s) <= 1; // "No, no. Single." answers in its second sentence
        return opensAnswer && call.previousTurn(s).stream()
                .anyMatch(q -> !q.customer() && q.isQuestion() && Lexicon.has(topic, q.lower()));
    }

    /**
     * The last count of the client's children said: by the client, in a direct answer to the adviser's question about
     * the children, or in the adviser's recap ("So three children"). Later counts correct earlier ones.
     */
    static Optional<Finding> children(CallText call, FieldDefinition field) {
        Finding found = null;
        for (Sentence s : call.sentences()) {
            if (Lexicon.has(NOT_OWN_CHILDREN, s.lower()) || !s.customer() && Lexicon.has(GENERAL_TALK, s.lower())) {
                continue;
            }
            if (s.customer() && Lexicon.has(ONLY_CHILD, s.lower())) {
                found = new Finding(1, 0.75, s);
            }
            Matcher m = CHILD_COUNT.matcher(s.lower());
            while (m.find()) {
                int n = countOf(m.group("count"));
                String what = m.group("what");
                boolean singular = what.equals("son") || what.equals("daughter") || what.equals("child");
                if (singular && n != 1 || n > 15 || n == 0 && !s.customer()) { // "a simple will, no kids": a case, not a recap
                    continue;
                }
                found = new Finding(n, s.customer() ? 0.75 : 0.7, s);
            }
            if (s.customer() && answersChildrenQuestion(call, s)) {
                Matcher answer = COUNT_ANSWER.matcher(s.lower());
                if (answer.find()) {
                    found = new Finding(countOf(answer.group("count")), 0.7, s);
                }
            }
        }
        return found != null ? Optional.of(found) : namedChildren(call);
    }

    private static boolean answersChildrenQuestion(CallText call, Sentence s) {
        return call.previousTurn(s).stream().anyMatch(q -> !q.customer() && q.isQuestion()
                && Lexicon.has(CHILDREN_QUESTION, q.lower()) && !Lexicon.has(MORE_CHILDREN_QUESTION, q.lower()));
    }

    private static Optional<Finding> namedChildren(CallText call) {
        List<String> names = new ArrayList<>();
        Sentence first = null;
        for (Sentence s : call.sentences()) {
            Matcher m = NAMED_CHILD.matcher(s.text());
            while (s.customer() && m.find()) {
                if (!names.contains(m.group("name"))) {
                    names.add(m.group("name"));
                    first = first == null ? s : first;
                }
            }
        }
        return first == null ? Optional.empty() : Optional.of(new Finding(names.size(), 0.55, first));
    }

    private static int countOf(String count) {
        return switch (count) {
            case "no", "none" -> 0;
            case "a", "an", "one" -> 1;
            case "two" -> 2;
            case "three" -> 3;
            case "four" -> 4;
            case "five" -> 5;
            case "six" -> 6;
            default -> Integer.parseInt(count);
        };
    }

    private static String fullNameOf(String introduced, String speaker) {
        if (!introduced.contains(" ") && speaker.startsWith(introduced + " ")) {
            return speaker; // "I'm Kenji", shown as "Kenji Nakamura"
        }
        return introduced;
    }

    private static Optional<Sentence> firstSentenceOf(CallText call, String speaker) {
        return call.sentences().stream().filter(s -> s.speaker().equals(speaker)).findFirst();
    }

    private static boolean isNotName(String word) {
        return NOT_A_NAME.matcher(word).matches();
    }
}
