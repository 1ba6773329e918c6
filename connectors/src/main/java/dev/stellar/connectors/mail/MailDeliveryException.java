package dev.stellar.connectors.mail;

import java.util.List;

/**
 * A message was not accepted. {@code permanent} failures (a rejected address, a refused login) will not be cured by
 * trying again; the others (server down, timeouts, 4xx replies) may be.
 */
public class MailDeliveryException extends RuntimeException {

    private final boolean permanent;
    private final List<String> rejectedAddresses;

    public MailDeliveryException(String message, boolean permanent, List<String> rejectedAddresses, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
        this.rejectedAddresses = List.copyOf(rejectedAddresses);
    }

    public boolean permanent() {
        return permanent;
    }

    public List<String> rejectedAddresses() {
        return rejectedAddresses;
    }
}
