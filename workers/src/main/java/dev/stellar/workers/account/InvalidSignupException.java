package dev.stellar.workers.account;

/** A sign-up that breaks a rule (weak password, missing name); the message says which field and why. */
public class InvalidSignupException extends RuntimeException {

    private final String field;

    public InvalidSignupException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
