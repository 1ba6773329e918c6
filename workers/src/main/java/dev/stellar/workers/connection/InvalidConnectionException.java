package dev.stellar.workers.connection;

/** A connection that cannot work as entered; the message names the setting. */
public class InvalidConnectionException extends RuntimeException {

    public InvalidConnectionException(String message) {
        super(message);
    }
}
