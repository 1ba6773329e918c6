package dev.stellar.workers.email;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code stellar.email.*}: defaults for organisations without their own approval policy.
 *
 * @param remindAfter  how long a draft waits before its approver is reminded (default 24 hours)
 * @param expireAfter  how long it waits in all before it expires (default 7 days)
 * @param pollInterval how often each mailbox's inbox is read for replies and bounces (default 2 minutes)
 * @param digestCron   when managers get the daily digest, a Quartz cron expression (default 07:00 every day)
 * @param digestZone   the time zone of {@code digestCron} and of "yesterday" in the digest (default UTC)
 */
@ConfigurationProperties("stellar.email")
public record EmailProperties(Duration remindAfter, Duration expireAfter, Duration pollInterval,
                              String digestCron, String digestZone) {

    public EmailProperties {
        remindAfter = remindAfter == null ? Duration.ofHours(24) : remindAfter;
        expireAfter = expireAfter == null ? Duration.ofDays(7) : expireAfter;
        pollInterval = pollInterval == null ? Duration.ofMinutes(2) : pollInterval;
        digestCron = digestCron == null || digestCron.isBlank() ? "0 0 7 * * ?" : digestCron;
        digestZone = digestZone == null || digestZone.isBlank() ? "UTC" : digestZone;
    }
}
