package dev.stellar.connectors.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stellar.connectors.crm.CrmException;
import dev.stellar.connectors.hubspot.HubSpot.Credentials;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OAuth access tokens of HubSpot connections, fetched with their refresh token ({@code POST /oauth/v1/token}) and kept
 * until a minute before they expire (HubSpot's last 30 minutes).
 */
final class HubSpotTokens {

    private record Token(String value, Instant expiresAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HubSpotProperties properties;
    private final HttpClient http;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    HubSpotTokens(HubSpotProperties properties, HttpClient http) {
        this.properties = properties;
        this.http = http;
    }

    /** @param renew fetch a new one even if the kept one has not expired (HubSpot refused it) */
    String get(String connectionKey, Credentials credentials, boolean renew) {
        Token kept = tokens.get(connectionKey);
        if (!renew && kept != null && Instant.now().isBefore(kept.expiresAt())) {
            return kept.value();
        }
        Token fresh = refresh(credentials);
        tokens.put(connectionKey, fresh);
        return fresh.value();
    }

    void forget(String connectionKey) {
        tokens.remove(connectionKey);
    }

    /** The authorization-code grant: the refresh token a person's consent gave. */
    String exchange(String clientId, String clientSecret, String redirectUri, String code) {
        JsonNode body = token("grant_type=authorization_code&client_id=" + encode(clientId) + "&client_secret="
                + encode(clientSecret) + "&redirect_uri=" + encode(redirectUri) + "&code=" + encode(code), "the code");
        if (!body.hasNonNull("refresh_token")) {
            throw CrmException.permanent("HubSpot gave no refresh token", "NO_REFRESH_TOKEN");
        }
        return body.get("refresh_token").asText();
    }

    private Token refresh(Credentials credentials) {
        JsonNode body = token("grant_type=refresh_token&client_id=" + encode(credentials.clientId()) + "&client_secret="
                + encode(credentials.clientSecret()) + "&refresh_token=" + encode(credentials.refreshToken()),
                "the refresh token");
        long seconds = body.path("expires_in").asLong(1800);
        return new Token(body.get("access_token").asText(), Instant.now().plusSeconds(Math.max(30, seconds - 60)));
    }

    /** @param what what HubSpot is asked to take, for the error */
    private JsonNode token(String form, String what) {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(properties.baseUrl() + "/oauth/v1/token"))
                    .timeout(properties.timeout())
                    .header("Content-Type", "application/x-www-form-urlencoded;charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw CrmException.transientFailure("HubSpot's OAuth server could not be reached: " + e.getMessage(),
                    "UNREACHABLE", null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CrmException.transientFailure("Interrupted while renewing HubSpot's access token", "INTERRUPTED", null, e);
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            body = JSON.createObjectNode();
        }
        if (response.statusCode() != 200 || !body.hasNonNull("access_token")) {
            String message = body.path("message").asText(body.path("error_description").asText("HTTP " + response.statusCode()));
            if (response.statusCode() >= 500) {
                throw CrmException.transientFailure("HubSpot's OAuth server answered " + response.statusCode(), "OAUTH",
                        null, null);
            }
            throw CrmException.permanent("HubSpot refused " + what + ": " + message, "BAD_REFRESH_TOKEN");
        }
        return body;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
