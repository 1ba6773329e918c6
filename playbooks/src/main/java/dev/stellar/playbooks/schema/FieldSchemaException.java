package dev.stellar.playbooks.schema;

/** A schema document that cannot be used, with where it breaks (line and field when known). */
public class FieldSchemaException extends RuntimeException {

    private final int line;

    public FieldSchemaException(int line, String message) {
        super(line > 0 ? "line " + line + ": " + message : message);
        this.line = line;
    }

    /** 1-based line of the problem, or 0 when it concerns the document as a whole. */
    public int line() {
        return line;
    }
}
