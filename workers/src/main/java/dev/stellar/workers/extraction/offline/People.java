package dev.stellar.workers.extraction.offline;

import dev.stellar.playbooks.schema.FieldDefinition;
import dev.stellar.workers.extraction.offline.CallText.Sentence;
import dev.stellar.workers.transcript.TranscriptParser;
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
    private static final Pattern NOT_A_NAME = Pattern.compile(
            "(?i)^(?:the|i|we|here|sure|glad|happy|sorry|just|so|and|but|okay|ok|yes|yeah|no|not|also|still|really|actually"
                    + "|going|gonna|looking|calling|a|an|on|in|at|with|from|fine|good|great|well|home|back|out|over|all|both|he|she"
                    + "|they|it|is|was|has|had|very|too|pretty|kind|sort|definitely|probably|hoping|worried|retired|married"
                    + "|divorced|widowed|single|separated)$");
    private static final Pattern MARRIED = Lexicon.of("my wife|my husband|my spouse|we're married|we are married|we've been married"
            + "|been married|our marriage|married for|married \\d+ years|we got married|my hubby");
    private static final Pattern WIDOWED = Lexicon.of("widow|widowed|widower|lost my (?:wife|husband)|my (?:late )?(?:wife|husband)"
            + " (?:passed|died)|(?:wife|husband) passed|since (?:my )?(?:wife|husband) passed|my late (?:wife|husband)");
    private static final Pattern DIVORCED = Lexicon.of("divorced|my divorce|the divorce|my ex|ex-wife|ex-husband|ex wife|ex husband");
    private static final Pattern SEPARATED = Lexicon.of("separated|we're separating|legally separated|separation");
    private static final Pattern PARTNERSHIP = Lexicon.of("domestic partner|domestic partnership|registered partner|civil union"
            + "|not married but|aren't married|are not married|never married but|living together|my partner");
    private static final Pattern SINGLE = Lexicon.of("i'm single|i am single|never married|never been married|not married"
            + "|never got married|just me|on my own");
    private static final Pattern CHILD_COUNT = Pattern.compile(
            "\\b(?<count>\\d{1,2}|no|a|an|one|two|three|four|five|six)\\s+(?:(?:grown|adult|little|young|wonderful|beautiful|biological|step|amazing)[- ]?)?"
                    + "(?<what>kids|children|child|sons|daughters|son|daughter|boys|girls|stepkids|stepchildren)\\b");
    private static final Pattern NOT_OWN_CHILDREN = Lexicon.of("grandkids|grandchildren|their kids|his kids|her kids"
            + "|nieces|nephews|brother has|sister has");

    private People() {
    }

    static Optional<Finding> clientName(CallText call, FieldDefinition field) {
        List<String> customers = call.roles().customers();
        for (Sentence s : call.sentences()) {
            if (s.customer() && call.position(s) < 0.35) {
                Matcher m = SELF_INTRODUCTION.matcher(s.text());
                if (m.find() && !isNotName(m.group("name"))) {
                    String introduced = m.group("name");
                    String full = fullNameOf(introduced, s.speaker());
                    return Optional.of(new Finding(full, 0.85, s));
                }
            }
        }
        return customers.stream().filter(name -> !TranscriptParser.UNKNOWN_SPEAKER.equals(name)).findFirst()
                .flatMap(name -> firstSentenceOf(call, name).map(s -> new Finding(name, 0.75, s)));
    }

    static Optional<Finding> spouseName(CallText call, FieldDefinition field) {
        Optional<String> client = clientName(call, field).map(f -> (String) f.value());
        for (Sentence s : call.sentences()) {
            if (!s.customer()) {
                continue;
            }
            Matcher m = SPOUSE_NAMED.matcher(s.text());
            if (m.find() && !isNotName(m.group("name").split("\\s+")[0])) {
                String name = m.group("name");
                if (name.split("\\s+").length > 1 && isNotName(name.split("\\s+")[1])) {
                    name = name.split("\\s+")[0];
                }
                return Optional.of(new Finding(name, 0.8, s));
            }
        }
        // a second customer on the call who shares the client's family name
        if (client.isPresent()) {
            String clientFamily = lastWord(client.get());
            for (String other : call.roles().customers()) {
                if (!other.equals(client.get()) && other.contains(" ") && lastWord(other).equalsIgnoreCase(clientFamily)) {
                    return firstSentenceOf(call, other).map(s -> new Finding(other, 0.75, s));
                }
            }
        }
        return Optional.empty();
    }

    static Optional<Finding> maritalStatus(CallText call, FieldDefinition field) {
        Finding found = null;
        int strength = 0;
        for (Sentence s : call.sentences()) {
            if (!s.customer()) {
                continue;
            }
            String lower = s.lower();
            String status = null;
            int rank = 0;
            if (Lexicon.has(WIDOWED, lower)) {
                status = "widowed";
                rank = 5;
            } else if (Lexicon.has(SEPARATED, lower)) {
                status = "separated";
                rank = 4;
            } else if (Lexicon.has(DIVORCED, lower)) {
                status = "divorced";
                rank = 3;
            } else if (Lexicon.has(PARTNERSHIP, lower)) {
                status = "domestic_partnership";
                rank = 3;
            } else if (Lexicon.has(SINGLE, lower)) {
                status = "single";
                rank = 2;
            } else if (Lexicon.has(MARRIED, lower)) {
                status = "married";
                rank = 1;
            }
            if (status != null && rank >= strength && field.values().contains(status)) {
                found = new Finding(status, 0.6 + 0.05 * rank, s);
                strength = rank;
            }
        }
        return Optional.ofNullable(found);
    }

    static Optional<Finding> children(CallText call, FieldDefinition field) {
        Finding found = null;
        for (Sentence s : call.sentences()) {
            if (!s.customer() || Lexicon.has(NOT_OWN_CHILDREN, s.lower())) {
                continue;
            }
            Matcher m = CHILD_COUNT.matcher(s.lower());
            while (m.find()) {
                String count = m.group("count");
                String what = m.group("what");
                int n = switch (count) {
                    case "no" -> 0;
                    case "a", "an", "one" -> 1;
                    case "two" -> 2;
                    case "three" -> 3;
                    case "four" -> 4;
                    case "five" -> 5;
                    case "six" -> 6;
                    default -> Integer.parseInt(count);
                };
                boolean singular = what.equals("son") || what.equals("daughter") || what.equals("child");
                if (singular && n != 1 || n > 15) {
                    continue;
                }
                found = new Finding(n, 0.75, s); // the last count said wins: "no wait, it's three kids"
            }
        }
        return Optional.ofNullable(found);
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

    private static String lastWord(String name) {
        String[] words = name.strip().split("\\s+");
        return words[words.length - 1];
    }
}
