package dev.stellar.workers.account;

public class EmailAlreadyRegisteredException extends RuntimeException {

    public EmailAlreadyRegisteredException(String email) {
        super("an account with e-mail " + email + " already exists");
    }
}
