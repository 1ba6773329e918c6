package dev.stellar.workers.schema;

/**
 * One schema an organisation can use.
 *
 * @param version      the organisation's latest saved version, or {@code null} for a built-in used as shipped
 * @param builtIn      whether Stellar ships a schema with this key
 * @param defaultSchema whether new meetings use it when the upload names none
 */
public record SchemaSummary(String key, String name, String description, int fields, Integer version, boolean builtIn,
                            boolean defaultSchema) {
}
