package dev.stellar.playbooks.trigger;

import dev.stellar.playbooks.schema.FieldDefinition;
import dev.stellar.playbooks.schema.FieldType;
import java.util.Map;
import java.util.Set;

/**
 * What a rule may name: the organisation's extracted fields (from all its schemas), by key.
 */
public record RuleContext(Map<String, FieldDefinition> fields) {

    /** Event values that are numbers, so that they can be ordered. */
    static final Set<String> NUMERIC_VALUES = Set.of("deal.amount", "coaching.score", "account.days_without_meeting",
            "field.confidence", "crm.applied", "crm.failed");

    public RuleContext {
        fields = Map.copyOf(fields);
    }

    /** The type of a value a rule names, or null for an event value that is text. */
    FieldType typeOf(String name) {
        if (name.startsWith("fields.")) {
            FieldDefinition field = fields.get(name.substring("fields.".length()));
            return field == null ? null : field.type();
        }
        return NUMERIC_VALUES.contains(name) ? FieldType.NUMBER : FieldType.TEXT;
    }
}
