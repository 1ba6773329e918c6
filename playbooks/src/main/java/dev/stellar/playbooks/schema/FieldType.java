package dev.stellar.playbooks.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The shape of a field's value, as extracted values are written in JSON: text and enum values are strings,
 * numbers are numbers, money is {@code {"amount": 1200000, "currency": "USD"}}, dates are ISO-8601 strings,
 * lists are arrays (of allowed values when the field has them, else of text).
 */
public enum FieldType {
    TEXT, NUMBER, MONEY, DATE, ENUM, BOOLEAN, LIST;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static FieldType ofKey(String key) {
        for (FieldType type : values()) {
            if (type.key().equals(key)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown field type '" + key + "'; use one of "
                + Arrays.stream(values()).map(FieldType::key).collect(Collectors.joining(", ")));
    }
}
