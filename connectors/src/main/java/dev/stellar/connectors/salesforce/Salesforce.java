package dev.stellar.connectors.salesforce;

import dev.stellar.connectors.crm.CrmException;
import dev.stellar.connectors.crm.CrmRecords;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Opens Salesforce orgs with their credentials, from a login URL of Salesforce's only (it receives the password). */
public class Salesforce {

    /**
     * How the org is reached. Either {@code username} with {@code password} (and the user's security token, unless the
     * org trusts Stellar's address), or a connected app's {@code clientId}, {@code clientSecret} and a
     * {@code refreshToken} from its web-server flow.
     *
     * @param loginUrl {@code https://login.salesforce.com}, {@code https://test.salesforce.com} (sandboxes) or the
     *                 org's My Domain
     */
    public record Credentials(String loginUrl, String username, String password, String securityToken, String clientId,
                              String clientSecret, String refreshToken) {

        public boolean oauth() {
            return refreshToken != null;
        }
    }

    /** A logged-in session, kept per connection so that each call does not log in again (logins are limited). */
    record Session(String sessionId, String serviceEndpoint) {
    }

    private final SalesforceProperties properties;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.Semaphore> calls = new ConcurrentHashMap<>();

    public Salesforce(SalesforceProperties properties) {
        this.properties = properties;
    }

    /**
     * @param connectionKey names the connection whose session is reused
     * @throws CrmException when the login URL is not Salesforce's (nothing is sent there)
     */
    public CrmRecords open(String connectionKey, Credentials credentials) {
        return new SalesforceClient(properties, allowed(credentials), sessions, connectionKey, calls.computeIfAbsent(
                connectionKey, key -> new java.util.concurrent.Semaphore(properties.concurrentCalls(), true)));
    }

    /** Drops a connection's session, e.g. after it was authorized again (as another user, perhaps of another org). */
    public void forget(String connectionKey) {
        sessions.remove(connectionKey);
    }

    /** Where to send the person who grants a connected app access (web-server flow); Salesforce comes back with a code. */
    public String authorizeUrl(String loginUrl, String clientId, String redirectUri, String state) {
        return loginUrl(loginUrl) + "/services/oauth2/authorize?response_type=code&client_id=" + encode(clientId)
                + "&redirect_uri=" + encode(redirectUri) + "&scope=" + encode("api refresh_token") + "&state="
                + encode(state);
    }

    /** Trades the code Salesforce came back with for the refresh token to keep. */
    public String exchangeCode(String loginUrl, String clientId, String clientSecret, String redirectUri, String code) {
        return SalesforceClient.token(properties, loginUrl(loginUrl), "grant_type=authorization_code&code=" + encode(code)
                + "&client_id=" + encode(clientId) + "&client_secret=" + encode(clientSecret) + "&redirect_uri="
                + encode(redirectUri), "the code").path("refresh_token").asText(null);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value == null ? "" : value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private Credentials allowed(Credentials credentials) {
        String url = loginUrl(credentials.loginUrl());
        return new Credentials(url, credentials.username(), credentials.password(), credentials.securityToken(),
                credentials.clientId(), credentials.clientSecret(), credentials.refreshToken());
    }

    /**
     * The login URL as used: Salesforce's production login when none is given.
     *
     * @throws CrmException when it is not https on one of {@code stellar.salesforce.login-hosts}
     */
    public String loginUrl(String given) {
        String url = given == null || given.isBlank() ? "https://login.salesforce.com" : given.strip().replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw CrmException.permanent("The login URL '" + url + "' is not a URL", "INVALID_LOGIN_URL");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = host.equals("localhost") || host.equals("127.0.0.1");
        boolean listed = properties.loginHosts().stream().anyMatch(h -> host.equals(h) || host.endsWith("." + h));
        if (!listed || !("https".equals(uri.getScheme()) || loopback && "http".equals(uri.getScheme()))) {
            throw CrmException.permanent("The login URL must be https on a Salesforce host (" + String.join(", ",
                    properties.loginHosts()) + "), not " + url, "INVALID_LOGIN_URL");
        }
        return url;
    }
}
