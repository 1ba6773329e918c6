package dev.stellar.workers.email;

/** The draft was decided (or changed) since the person loaded it; their decision is not applied. */
public class DraftDecidedException extends RuntimeException {

    public DraftDecidedException(String message) {
        super(message);
    }
}
