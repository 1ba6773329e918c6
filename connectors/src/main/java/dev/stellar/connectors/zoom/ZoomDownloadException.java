package dev.stellar.connectors.zoom;

import java.time.Duration;

/**
 * A recording file could not be had. {@code permanent}: retrying will not help (gone, refused, not allowed);
 * otherwise try again, after {@code retryAfter} when Zoom said so (429).
 */
public class ZoomDownloadException extends RuntimeException {

    private final boolean permanent;
    private final Duration retryAfter;

    public ZoomDownloadException(String message, boolean permanent, Duration retryAfter) {
        super(message);
        this.permanent = permanent;
        this.retryAfter = retryAfter;
    }

    public boolean permanent() {
        return permanent;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
