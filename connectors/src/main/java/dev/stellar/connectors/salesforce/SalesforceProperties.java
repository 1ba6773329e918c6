package dev.stellar.connectors.salesforce;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code stellar.salesforce.*}: how Stellar talks to Salesforce. Credentials and login URLs are per organisation
 * (connections).
 *
 * @param loginHosts  hosts a connection's login URL may name (it receives the password): Salesforce's own by default
 * @param apiVersion  the Partner API version, e.g. {@code 65.0}
 * @param timeout     per call
 * @param batchSize   records per create, update or upsert call (Salesforce takes at most 200)
 * @param concurrentCalls calls one connection may have running at once on this node (Salesforce limits an org's
 *                        concurrent long-running requests)
 */
@ConfigurationProperties("stellar.salesforce")
public record SalesforceProperties(List<String> loginHosts, String apiVersion, Duration timeout, Integer batchSize,
                                   Integer concurrentCalls) {

    public SalesforceProperties {
        loginHosts = loginHosts == null || loginHosts.isEmpty() ? List.of("salesforce.com", "force.com")
                : List.copyOf(loginHosts);
        apiVersion = apiVersion == null || apiVersion.isBlank() ? "65.0" : apiVersion;
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
        batchSize = batchSize == null ? 200 : Math.max(1, Math.min(200, batchSize));
        concurrentCalls = concurrentCalls == null ? 10 : Math.max(1, concurrentCalls);
    }
}
