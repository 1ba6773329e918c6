package dev.stellar.connectors.hubspot;

import dev.stellar.connectors.crm.CrmRecords;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Opens HubSpot accounts with their tokens. Each connection gets one request budget on this node, shared by every call
 * made for it, whichever thread or activity makes it.
 */
public class HubSpot {

    private final HubSpotProperties properties;
    private final HttpClient http;
    private final Map<String, Bucket> budgets = new ConcurrentHashMap<>();
    private final Map<String, Bucket> searches = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> prepared = new ConcurrentHashMap<>();
    private final HubSpotTokens tokens;

    public HubSpot(HubSpotProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).version(HttpClient.Version.HTTP_1_1)
                .build();
        this.tokens = new HubSpotTokens(properties, http);
    }

    /**
     * How Stellar is let in: a private app's {@code accessToken}, or a public app's {@code clientId} and
     * {@code clientSecret} with the {@code refreshToken} its OAuth flow gave (access tokens are fetched and renewed).
     */
    public record Credentials(String accessToken, String clientId, String clientSecret, String refreshToken) {

        public boolean oauth() {
            return accessToken == null && refreshToken != null;
        }
    }

    /** The scopes Stellar asks a public app's user for: contacts and deals, and deal properties (its own key). */
    public static final String SCOPES = "crm.objects.contacts.read crm.objects.contacts.write crm.objects.deals.read "
            + "crm.objects.deals.write crm.schemas.deals.read crm.schemas.deals.write oauth";

    /** Where to send the person who grants a public app access; HubSpot comes back to {@code redirectUri}. */
    public String authorizeUrl(String clientId, String redirectUri, String state) {
        return properties.authorizeUrl() + "?client_id=" + encode(clientId) + "&redirect_uri=" + encode(redirectUri)
                + "&scope=" + encode(SCOPES) + "&state=" + encode(state);
    }

    /** Trades the code HubSpot came back with for the refresh token to keep. */
    public String exchangeCode(String clientId, String clientSecret, String redirectUri, String code) {
        return tokens.exchange(clientId, clientSecret, redirectUri, code);
    }

    /** Drops what is kept for a connection (its access token), e.g. after it was authorized again. */
    public void forget(String connectionKey) {
        tokens.forget(connectionKey);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value == null ? "" : value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * @param connectionKey names the HubSpot account's budget (one per connection)
     * @param accessToken   a private app's token
     */
    public CrmRecords open(String connectionKey, String accessToken) {
        return open(connectionKey, new Credentials(accessToken, null, null, null));
    }

    public CrmRecords open(String connectionKey, Credentials credentials) {
        Supplier<String> token = credentials.oauth() ? () -> tokens.get(connectionKey, credentials, false)
                : credentials::accessToken;
        Runnable renew = credentials.oauth() ? () -> tokens.get(connectionKey, credentials, true) : null;
        return new HubSpotClient(properties, http, token, renew, budgets.computeIfAbsent(connectionKey, key -> budget()),
                searches.computeIfAbsent(connectionKey, key -> searchBudget()),
                prepared.computeIfAbsent(connectionKey, key -> ConcurrentHashMap.newKeySet()));
    }

    /** HubSpot's search endpoints take five requests a second per account: four, to leave room. */
    private static Bucket searchBudget() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(4).refillGreedy(4, Duration.ofSeconds(1)).build())
                .build();
    }

    /**
     * A tenth of the ten-second budget, refilled every second: whatever ten seconds one looks at, at most
     * {@code 1.1 × requestsPerTenSeconds} requests fall in them.
     */
    private Bucket budget() {
        int perSecond = Math.max(1, properties.requestsPerTenSeconds() / 10);
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
                .build();
    }
}
