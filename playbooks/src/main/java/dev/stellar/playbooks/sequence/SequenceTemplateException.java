package dev.stellar.playbooks.sequence;

/** A sequence document that cannot be used, with where it breaks (line and field when known). */
public class SequenceTemplateException extends RuntimeException {

    private final int line;

    public SequenceTemplateException(int line, String message) {
        super(line > 0 ? "line " + line + ": " + message : message);
        this.line = line;
    }

    /** 1-based line of the problem, or 0 when it concerns the document as a whole. */
    public int line() {
        return line;
    }
}
