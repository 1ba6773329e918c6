package dev.stellar.workers.extraction.offline;

import java.util.regex.Pattern;

/** Whole-word phrase patterns over lower-cased text, written as alternatives: {@code of("a|b c|d")}. */
final class Lexicon {

    private Lexicon() {
    }

    static Pattern of(String alternatives) {
        return Pattern.compile("\\b(?:" + alternatives + ")\\b");
    }

    static boolean has(Pattern lexicon, String lower) {
        return lexicon.matcher(lower).find();
    }
}
