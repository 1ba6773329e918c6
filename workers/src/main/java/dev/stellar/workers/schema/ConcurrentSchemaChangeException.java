package dev.stellar.workers.schema;

/** Someone else saved the same schema at the same moment; nothing of this save was kept. Reload and save again. */
public class ConcurrentSchemaChangeException extends RuntimeException {

    public ConcurrentSchemaChangeException(String key) {
        super("schema '" + key + "' was changed by someone else at the same time; reload it and save again");
    }
}
