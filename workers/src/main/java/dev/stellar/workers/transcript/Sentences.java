package dev.stellar.workers.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits what someone said into sentences, the unit evidence is quoted in. */
public final class Sentences {

    /** Terminal punctuation then space, so "$1.2 million" stays whole. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    /** "Mr." "Dr." and initials end no sentence. */
    private static final Pattern ABBREVIATION = Pattern.compile("\\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|vs|etc|[A-Z])\\.$");

    private Sentences() {
    }

    public static List<String> of(String text) {
        List<String> sentences = new ArrayList<>();
        StringBuilder carry = new StringBuilder();
        for (String piece : SENTENCE_END.split(text.strip())) {
            carry.append(carry.length() == 0 ? "" : " ").append(piece);
            if (!ABBREVIATION.matcher(piece).find()) {
                sentences.add(carry.toString());
                carry.setLength(0);
            }
        }
        if (carry.length() > 0) {
            sentences.add(carry.toString());
        }
        return sentences;
    }
}
