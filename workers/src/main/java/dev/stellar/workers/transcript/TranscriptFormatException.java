package dev.stellar.workers.transcript;

/** A transcript that cannot be read; the message names the line (1-based) and what is wrong with it. */
public class TranscriptFormatException extends RuntimeException {

    private final int line;

    public TranscriptFormatException(int line, String problem) {
        super(line > 0 ? "line " + line + ": " + problem : problem);
        this.line = line;
    }

    /** 1-based line number, or 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }
}
