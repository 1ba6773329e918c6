package dev.stellar.workers.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stellar.playbooks.schema.FieldDefinition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * When an extracted value counts as the labelled one. Exact for numbers, money (amount and currency), dates,
 * enums and booleans; for free text, the label's content words must be in the value (at least three quarters of
 * them) and the value may not be much longer than the label, so a whole paragraph never "matches" a short fact.
 * An empty list, an empty string and {@code false} all count as empty: no evidence of a payment is no payment.
 */
public final class ValueMatcher {

    static final double TEXT_RECALL = 0.75;
    static final double TEXT_PRECISION = 0.34;
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "to", "of", "and", "or", "for", "in", "on",
            "at", "by", "with", "our", "their", "my", "your", "we", "they", "i", "it", "is", "are", "be", "that", "this",
            "from", "up", "um", "uh", "mr", "mrs", "ms", "dr");

    private ValueMatcher() {
    }

    public static boolean isEmpty(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode()
                || (value.isTextual() && value.asText().isBlank())
                || (value.isArray() && value.isEmpty())
                || (value.isBoolean() && !value.asBoolean());
    }

    /** Both values non-empty and the same by the field's type. */
    public static boolean matches(FieldDefinition field, JsonNode expected, JsonNode actual) {
        if (isEmpty(expected) || isEmpty(actual)) {
            return false;
        }
        return switch (field.type()) {
            case NUMBER -> expected.isNumber() && actual.isNumber() && expected.decimalValue().compareTo(actual.decimalValue()) == 0;
            case MONEY -> moneyMatches(expected, actual);
            case BOOLEAN -> expected.asBoolean() == actual.asBoolean();
            case DATE, ENUM -> expected.asText().strip().equalsIgnoreCase(actual.asText().strip());
            case TEXT -> textMatches(expected.asText(), actual.asText());
            case LIST -> expected.isArray() && actual.isArray() && unmatched(field, items(expected), items(actual)).isEmpty()
                    && expected.size() == actual.size();
        };
    }

    /** List items: expected items no actual item matches (each actual item matches at most one expected). */
    static List<String> unmatched(FieldDefinition field, List<String> expected, List<String> actual) {
        List<String> left = new ArrayList<>(expected);
        for (String item : actual) {
            left.stream().filter(e -> itemMatches(field, e, item)).findFirst().ifPresent(left::remove);
        }
        return left;
    }

    static boolean itemMatches(FieldDefinition field, String expected, String actual) {
        return field.hasAllowedValues() ? expected.equalsIgnoreCase(actual) : textMatches(expected, actual);
    }

    static List<String> items(JsonNode list) {
        List<String> items = new ArrayList<>();
        if (list != null && list.isArray()) {
            list.forEach(item -> items.add(item.asText()));
        }
        return items;
    }

    static boolean textMatches(String expected, String actual) {
        List<String> want = contentWords(expected);
        List<String> got = contentWords(actual);
        if (want.isEmpty() || got.isEmpty()) {
            return normal(expected).equals(normal(actual));
        }
        Set<String> gotSet = new HashSet<>(got);
        long found = want.stream().filter(gotSet::contains).count();
        double recall = (double) found / want.size();
        double precision = (double) found / got.size();
        return recall >= TEXT_RECALL && precision >= TEXT_PRECISION;
    }

    private static boolean moneyMatches(JsonNode expected, JsonNode actual) {
        BigDecimal want = amount(expected);
        BigDecimal got = amount(actual);
        return want != null && got != null && want.compareTo(got) == 0 && currency(expected).equals(currency(actual));
    }

    private static BigDecimal amount(JsonNode money) {
        JsonNode amount = money.isObject() ? money.get("amount") : money;
        return amount != null && amount.isNumber() ? amount.decimalValue() : null;
    }

    private static String currency(JsonNode money) {
        return money.isObject() && money.hasNonNull("currency") ? money.get("currency").asText().toUpperCase(Locale.ROOT) : "USD";
    }

    private static List<String> contentWords(String text) {
        return Arrays.stream(normal(text).split("\\s+"))
                .filter(w -> !w.isEmpty() && !STOP_WORDS.contains(w))
                .toList();
    }

    private static String normal(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[’']s\\b", "").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
