package dev.stellar.workers.schema;

import java.util.Collection;

/** A schema key the organisation does not have. */
public class UnknownSchemaException extends RuntimeException {

    public UnknownSchemaException(String key, Collection<String> known) {
        super("unknown schema '" + key + "'; this organisation has " + String.join(", ", known));
    }
}
