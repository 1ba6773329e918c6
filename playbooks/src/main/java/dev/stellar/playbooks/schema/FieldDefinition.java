package dev.stellar.playbooks.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One field of a schema.
 *
 * @param key         stable key as the API returns it, {@code snake_case}
 * @param label       what people read
 * @param type        the value's shape
 * @param description what the field means, for people and for the LLM agent's prompt
 * @param values      allowed values of an enum, or of a list's items; empty for free values
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FieldDefinition(String key, String label, FieldType type, String description,
                              @JsonProperty("values") List<String> values) {

    public FieldDefinition {
        values = values == null ? List.of() : List.copyOf(values);
        description = description == null ? "" : description;
        label = label == null || label.isBlank() ? key : label;
    }

    /** True for an enum, or a list whose items must be allowed values. */
    public boolean hasAllowedValues() {
        return !values.isEmpty();
    }
}
