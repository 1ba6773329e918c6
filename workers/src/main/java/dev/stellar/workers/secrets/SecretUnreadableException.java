package dev.stellar.workers.secrets;

/** A stored secret cannot be decrypted: another key, another organisation's row, or damage. Never shows the secret. */
public class SecretUnreadableException extends RuntimeException {

    public SecretUnreadableException(String message) {
        super(message);
    }
}
