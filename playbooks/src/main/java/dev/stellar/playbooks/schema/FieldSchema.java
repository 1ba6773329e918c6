package dev.stellar.playbooks.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The CRM fields an organisation wants from a kind of call, in the order people read them.
 *
 * @param key         stable key, e.g. {@code estate-planning}
 * @param name        what people read
 * @param description what kind of call it is for
 * @param fields      the fields, keys unique
 */
public record FieldSchema(String key, String name, String description, List<FieldDefinition> fields) {

    private static final Pattern SCHEMA_KEY = Pattern.compile("[a-z][a-z0-9-]{1,47}");
    private static final Pattern FIELD_KEY = Pattern.compile("[a-z][a-z0-9_]{0,47}");

    public FieldSchema {
        fields = fields == null ? List.of() : List.copyOf(fields);
        description = description == null ? "" : description;
        name = name == null || name.isBlank() ? key : name;
    }

    public Optional<FieldDefinition> field(String fieldKey) {
        return fields.stream().filter(f -> f.key().equals(fieldKey)).findFirst();
    }

    /** Every rule the schema breaks, each naming the field; empty when the schema is sound. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (key == null || !SCHEMA_KEY.matcher(key).matches()) {
            problems.add("key: '" + key + "' must be 2-48 lowercase letters, digits or dashes, starting with a letter");
        }
        if (fields.isEmpty()) {
            problems.add("fields: a schema needs at least one field");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            FieldDefinition field = fields.get(i);
            String where = "fields[" + i + "]" + (field.key() == null ? "" : " (" + field.key() + ")");
            if (field.key() == null || !FIELD_KEY.matcher(field.key()).matches()) {
                problems.add(where + ".key: must be snake_case, up to 48 characters, starting with a letter");
            } else if (!seen.add(field.key())) {
                problems.add(where + ".key: duplicate key");
            }
            if (field.type() == null) {
                problems.add(where + ".type: missing");
            } else if (field.type() == FieldType.ENUM && !field.hasAllowedValues()) {
                problems.add(where + ".values: an enum needs its allowed values");
            } else if (field.hasAllowedValues() && field.type() != FieldType.ENUM && field.type() != FieldType.LIST) {
                problems.add(where + ".values: only enum and list fields have allowed values");
            }
            if (new HashSet<>(field.values()).size() != field.values().size()) {
                problems.add(where + ".values: duplicate value");
            }
        }
        return problems;
    }
}
