package dev.stellar.workers.email;

import java.util.List;

/** The mail server refused the message for good, or there is nothing to send it with; retrying will not help. */
public class EmailRejectedException extends RuntimeException {

    private final List<String> rejectedAddresses;

    public EmailRejectedException(String message, List<String> rejectedAddresses) {
        super(message);
        this.rejectedAddresses = List.copyOf(rejectedAddresses);
    }

    public List<String> rejectedAddresses() {
        return rejectedAddresses;
    }
}
