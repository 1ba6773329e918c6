package dev.stellar.connectors.hubspot;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code stellar.hubspot.*}: where HubSpot is and how hard Stellar may call it. Tokens are per organisation
 * (connections), not here.
 *
 * @param baseUrl                HubSpot's API, default {@code https://api.hubapi.com}
 * @param requestsPerTenSeconds  this node's budget per connection; HubSpot allows 100 (private apps on Free/Starter)
 *                               to 190 per ten seconds, shared by every app of the account. At most a tenth more may
 *                               fall in any ten seconds (the budget refills every second)
 * @param timeout                per request
 * @param burstRetries           how often a call waits and tries again after a ten-second-limit 429 before giving up
 * @param authorizeUrl           where a public app's user grants access (OAuth), default
 *                               {@code https://app.hubspot.com/oauth/authorize}
 */
@ConfigurationProperties("stellar.hubspot")
public record HubSpotProperties(String baseUrl, Integer requestsPerTenSeconds, Duration timeout, Integer burstRetries,
                                String authorizeUrl) {

    public HubSpotProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "https://api.hubapi.com" : baseUrl.replaceAll("/+$", "");
        requestsPerTenSeconds = requestsPerTenSeconds == null ? 100 : Math.max(10, requestsPerTenSeconds);
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        burstRetries = burstRetries == null ? 5 : burstRetries;
        authorizeUrl = authorizeUrl == null || authorizeUrl.isBlank() ? "https://app.hubspot.com/oauth/authorize"
                : authorizeUrl;
    }
}
