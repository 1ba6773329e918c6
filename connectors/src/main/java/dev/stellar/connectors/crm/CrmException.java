package dev.stellar.connectors.crm;

import java.time.Duration;

/**
 * A CRM call that failed as a whole, in words a person can act on. {@link #retryable()} tells an outage or a limit
 * (try again, not before {@link #retryAfter()}) from refused credentials or a request the CRM will never accept.
 */
public class CrmException extends RuntimeException {

    private final String code;
    private final boolean retryable;
    private final Duration retryAfter;

    public CrmException(String message, String code, boolean retryable, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public static CrmException permanent(String message, String code) {
        return new CrmException(message, code, false, null, null);
    }

    public static CrmException transientFailure(String message, String code, Duration retryAfter, Throwable cause) {
        return new CrmException(message, code, true, retryAfter, cause);
    }

    public String code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }

    /** How long the CRM asked us to wait, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
