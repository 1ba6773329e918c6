package dev.stellar.workers.extraction.offline;

import dev.stellar.playbooks.schema.FieldDefinition;
import dev.stellar.workers.extraction.offline.CallText.Sentence;
import dev.stellar.workers.extraction.offline.SpokenDates.DateMention;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Rules for an organisation's own fields, by type, guided by the words of the field's label and description.
 * Cautious on purpose: an unsure value stays empty.
 */
final class GenericRules {

    private static final Set<String> STOP = Set.of("the", "a", "an", "of", "to", "and", "or", "for", "in", "on", "at", "by",
            "with", "is", "are", "be", "that", "this", "their", "our", "as", "said", "what", "when", "which", "who", "how",
            "customer", "customer's", "client", "client's", "call", "value", "name", "date", "number", "it", "its", "if");

    private GenericRules() {
    }

    static FieldRule forType(FieldDefinition field) {
        return switch (field.type()) {
            case ENUM -> GenericRules::enumValue;
            case LIST -> field.hasAllowedValues() ? GenericRules::listOfValues : (call, f) -> Optional.empty();
            case MONEY -> (call, f) -> Amounts.described(call, f, topic(f));
            case DATE -> GenericRules::date;
            case NUMBER -> GenericRules::number;
            case TEXT, BOOLEAN -> (call, f) -> Optional.empty();
        };
    }

    /** The field's own words, as a lexicon. */
    static Pattern topic(FieldDefinition field) {
        String words = Arrays.stream((field.label() + " " + field.key().replace('_', ' ') + " " + field.description())
                        .toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+"))
                .filter(w -> w.length() > 2 && !STOP.contains(w))
                .distinct()
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        return words.isEmpty() ? Pattern.compile("(?!)") : Lexicon.of(words);
    }

    private static Optional<Finding> enumValue(CallText call, FieldDefinition field) {
        Finding found = null;
        for (Sentence s : call.sentences()) {
            for (String value : field.values()) {
                if (Lexicon.has(Lexicon.of(Pattern.quote(value.toLowerCase(Locale.ROOT).replace('_', ' '))), s.lower())) {
                    found = new Finding(value, 0.55, s);
                }
            }
        }
        return Optional.ofNullable(found);
    }

    private static Optional<Finding> listOfValues(CallText call, FieldDefinition field) {
        List<String> values = new ArrayList<>();
        Sentence first = null;
        for (Sentence s : call.sentences()) {
            for (String value : field.values()) {
                if (!values.contains(value)
                        && Lexicon.has(Lexicon.of(Pattern.quote(value.toLowerCase(Locale.ROOT).replace('_', ' '))), s.lower())) {
                    values.add(value);
                    first = first == null ? s : first;
                }
            }
        }
        return first == null ? Optional.empty() : Optional.of(new Finding(List.copyOf(values), 0.55, first));
    }

    private static Optional<Finding> date(CallText call, FieldDefinition field) {
        Pattern topic = topic(field);
        Finding found = null;
        for (Sentence s : call.sentences()) {
            if (Lexicon.has(topic, s.lower())) {
                for (DateMention mention : SpokenDates.find(s.normalized(), call.referenceDate())) {
                    found = new Finding(mention.date().toString(), 0.55, s);
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /** A number said right beside the field's own name ("forty seats", "seats: 40"), never any number nearby. */
    private static Optional<Finding> number(CallText call, FieldDefinition field) {
        String name = nameWords(field);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Pattern beside = Pattern.compile("(?<before>\\d+(?:\\.\\d+)?)\\s+(?:[\\p{L}-]+\\s+)?(?:" + name + ")\\b"
                + "|\\b(?:" + name + ")\\W+(?:[\\p{L}']+\\W+){0,3}?(?<after>\\d+(?:\\.\\d+)?)\\b");
        Finding found = null;
        for (Sentence s : call.sentences()) {
            Matcher m = beside.matcher(s.lower());
            if (m.find()) {
                String number = m.group("before") != null ? m.group("before") : m.group("after");
                found = new Finding(new BigDecimal(number), 0.5, s); // the last figure said wins: people correct themselves
            }
        }
        return Optional.ofNullable(found);
    }

    /** The words of the field's label and key, as alternatives, singular and plural. */
    private static String nameWords(FieldDefinition field) {
        return Arrays.stream((field.label() + " " + field.key().replace('_', ' ')).toLowerCase(Locale.ROOT).split("[^\\p{L}]+"))
                .filter(w -> w.length() > 2 && !STOP.contains(w))
                .map(w -> w.endsWith("s") ? w.substring(0, w.length() - 1) : w)
                .distinct()
                .map(w -> Pattern.quote(w) + "s?")
                .collect(Collectors.joining("|"));
    }
}
