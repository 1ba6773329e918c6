package dev.stellar.playbooks.crm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stellar.playbooks.crm.CrmMapping.FieldMapping;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns an extracted field's value (JSON, as the extraction stores it) into the string a CRM property takes. */
public final class CrmValues {

    private CrmValues() {
    }

    /** Empty when there is nothing to write: no value, or a picklist value the CRM has no option for. */
    public static Optional<String> toCrm(FieldMapping mapping, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return Optional.empty();
        }
        String text = switch (mapping.transformOrDefault()) {
            case "money" -> value.isObject() ? plain(value.path("amount")) : plain(value);
            case "number" -> plain(value);
            case "boolean" -> value.isBoolean() ? String.valueOf(value.booleanValue())
                    : Boolean.toString(List.of("true", "yes").contains(value.asText().toLowerCase(java.util.Locale.ROOT)));
            case "date" -> value.asText().length() >= 10 ? value.asText().substring(0, 10) : value.asText();
            case "list" -> String.join(";", texts(value));
            case "first-name" -> name(value.asText(), true);
            case "last-name" -> name(value.asText(), false);
            case "picklist" -> {
                List<String> options = new ArrayList<>();
                for (String item : texts(value)) {
                    String option = mapping.values().get(item);
                    if (option != null && !options.contains(option)) {
                        options.add(option);
                    }
                }
                yield String.join(";", options);
            }
            default -> value.isArray() ? String.join("; ", texts(value)) : value.asText();
        };
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }

    /** Whether two CRM values say the same (HubSpot answers {@code 120000.0} for {@code 120000}). */
    public static boolean same(String current, String proposed) {
        if (current == null || proposed == null) {
            return current == null && proposed == null;
        }
        try {
            return new BigDecimal(current).compareTo(new BigDecimal(proposed)) == 0;
        } catch (NumberFormatException e) {
            return current.strip().equalsIgnoreCase(proposed.strip());
        }
    }

    private static String plain(JsonNode number) {
        if (number.isNumber()) {
            return number.decimalValue().stripTrailingZeros().toPlainString();
        }
        try {
            return new BigDecimal(number.asText().replaceAll("[^0-9.\\-]", "")).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<String> texts(JsonNode value) {
        List<String> texts = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(item -> texts.add(item.asText()));
        } else {
            texts.add(value.asText());
        }
        return texts;
    }

    private static String name(String full, boolean first) {
        String[] parts = full.strip().split("\\s+", 2);
        return first ? parts[0] : parts.length > 1 ? parts[1] : null;
    }
}
