package dev.stellar.workers.email;

/** An approval or rejection that cannot be accepted as entered: the message says what to change. */
public class InvalidApprovalException extends RuntimeException {

    public InvalidApprovalException(String message) {
        super(message);
    }
}
