package dev.stellar.workers.email;

/** A mailbox setting that cannot work, or a mailbox that is missing, said so a person can fix it. */
public class InvalidMailboxException extends RuntimeException {

    public InvalidMailboxException(String message) {
        super(message);
    }
}
