package dev.stellar.workers.crm;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code stellar.crm.*}
 *
 * @param pullInterval how often each CRM connection's changed deals are read (stage, amount, close date, owner)
 */
@ConfigurationProperties("stellar.crm")
public record CrmProperties(Duration pullInterval) {

    public CrmProperties {
        pullInterval = pullInterval == null ? Duration.ofMinutes(5) : pullInterval;
    }
}
