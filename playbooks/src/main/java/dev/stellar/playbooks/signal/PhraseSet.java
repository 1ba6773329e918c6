package dev.stellar.playbooks.signal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A set of phrases compiled into one case-insensitive pattern that matches whole words only,
 * so "price" matches "the price is" but not "priceless".
 */
public final class PhraseSet {

    private final List<String> phrases;
    private final Pattern pattern;

    public PhraseSet(List<String> phrases) {
        if (phrases.isEmpty()) {
            throw new IllegalArgumentException("a phrase set needs at least one phrase");
        }
        this.phrases = List.copyOf(phrases);
        String alternatives = this.phrases.stream()
                .map(p -> p.trim().toLowerCase(Locale.ROOT))
                .map(PhraseSet::toRegex)
                .collect(Collectors.joining("|"));
        this.pattern = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    public static PhraseSet of(String... phrases) {
        return new PhraseSet(List.of(phrases));
    }

    /** The first phrase found in the text, as written there. */
    public Optional<String> find(String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    public boolean matches(String text) {
        return pattern.matcher(text).find();
    }

    /** How many times any of the phrases occurs in the text. */
    public int count(String text) {
        return (int) pattern.matcher(text).results().count();
    }

    public List<String> phrases() {
        return phrases;
    }

    /** Words separated by any run of whitespace; an apostrophe matches both ' and ’. */
    private static String toRegex(String phrase) {
        StringBuilder regex = new StringBuilder();
        for (String word : phrase.split("\\s+")) {
            if (!regex.isEmpty()) {
                regex.append("\\s+");
            }
            regex.append(Pattern.quote(word).replace("'", "\\E['’]\\Q"));
        }
        return regex.toString();
    }
}
