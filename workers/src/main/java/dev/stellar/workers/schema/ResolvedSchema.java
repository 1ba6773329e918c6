package dev.stellar.workers.schema;

import dev.stellar.playbooks.schema.FieldSchema;

/**
 * A schema as a meeting uses it.
 *
 * @param version the organisation's saved version, or {@code null} for the built-in schema as shipped
 */
public record ResolvedSchema(FieldSchema schema, Integer version) {

    public boolean builtIn() {
        return version == null;
    }
}
