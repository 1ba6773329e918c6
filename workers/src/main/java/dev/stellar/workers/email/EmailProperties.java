package dev.stellar.workers.email;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code stellar.email.*}: defaults for organisations without their own approval policy.
 *
 * @param remindAfter how long a draft waits before its approver is reminded (default 24 hours)
 * @param expireAfter how long it waits in all before it expires (default 7 days)
 */
@ConfigurationProperties("stellar.email")
public record EmailProperties(Duration remindAfter, Duration expireAfter) {

    public EmailProperties {
        remindAfter = remindAfter == null ? Duration.ofHours(24) : remindAfter;
        expireAfter = expireAfter == null ? Duration.ofDays(7) : expireAfter;
    }
}
