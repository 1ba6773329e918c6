package dev.stellar.workers.email;

/** An address that cannot be written to, and why, named so a person can correct it. */
public class InvalidEmailAddressException extends RuntimeException {

    public InvalidEmailAddressException(String message) {
        super(message);
    }
}
