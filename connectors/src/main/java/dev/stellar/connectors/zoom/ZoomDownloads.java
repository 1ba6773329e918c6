package dev.stellar.connectors.zoom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

/**
 * Downloads recording files: first with the event's {@code download_token}; when Zoom refuses it (it expires after a
 * day), with a Server-to-Server OAuth token of the account. Only from Zoom's hosts.
 */
public class ZoomDownloads {

    /** A Server-to-Server OAuth app of the organisation's Zoom account. */
    public record Credentials(String accountId, String clientId, String clientSecret) {

        public boolean complete() {
            return accountId != null && clientId != null && clientSecret != null;
        }
    }

    private final ZoomProperties properties;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public ZoomDownloads(ZoomProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** @throws ZoomDownloadException saying whether trying again can help */
    public byte[] download(String url, String downloadToken, Credentials credentials) {
        URI uri = allowed(url);
        HttpResponse<InputStream> response = downloadToken == null ? null : get(uri, downloadToken);
        if (response == null || response.statusCode() == 401 || response.statusCode() == 403) {
            close(response);
            if (credentials == null || !credentials.complete()) {
                throw new ZoomDownloadException("Zoom refused the download token and the connection has no "
                        + "Server-to-Server OAuth credentials to fall back on", true, null);
            }
            response = get(uri, accessToken(credentials));
        }
        int status = response.statusCode();
        if (status == 200) {
            return read(response);
        }
        close(response);
        if (status == 404 || status == 410) {
            throw new ZoomDownloadException("Zoom no longer has the recording file (" + status + ")", true, null);
        }
        if (status == 401 || status == 403) {
            throw new ZoomDownloadException("Zoom refused the download (" + status + "): check the app's recording scopes",
                    true, null);
        }
        if (status == 429) {
            throw new ZoomDownloadException("Zoom asked to slow down (429)", false, retryAfter(response));
        }
        throw new ZoomDownloadException("Zoom answered " + status + " to the download", status < 500, null);
    }

    /** A Server-to-Server OAuth access token (account credentials grant). */
    public String accessToken(Credentials credentials) {
        String basic = Base64.getEncoder().encodeToString((credentials.clientId() + ":" + credentials.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.oauthUrl() + "/oauth/token?grant_type="
                        + "account_credentials&account_id=" + URLEncoder.encode(credentials.accountId(), StandardCharsets.UTF_8)))
                .header("Authorization", "Basic " + basic)
                .timeout(properties.timeout())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new ZoomDownloadException("Zoom refused the OAuth credentials (" + response.statusCode() + ")",
                        response.statusCode() < 500, null);
            }
            JsonNode token = json.readTree(response.body()).path("access_token");
            if (token.isMissingNode() || token.asText().isBlank()) {
                throw new ZoomDownloadException("Zoom's OAuth answer has no access_token", false, null);
            }
            return token.asText();
        } catch (IOException e) {
            throw new ZoomDownloadException("Zoom's OAuth server is unreachable: " + e.getMessage(), false, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZoomDownloadException("interrupted", false, null);
        }
    }

    private HttpResponse<InputStream> get(URI uri, String bearer) {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + bearer)
                .timeout(properties.timeout()).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ZoomDownloadException("The download from Zoom failed: " + e.getMessage(), false, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZoomDownloadException("interrupted", false, null);
        }
    }

    private byte[] read(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, properties.maxBytes() + 1));
            if (bytes.length > properties.maxBytes()) {
                throw new ZoomDownloadException("The recording file is larger than " + properties.maxBytes() + " bytes",
                        true, null);
            }
            return bytes;
        } catch (IOException e) {
            throw new ZoomDownloadException("The download from Zoom broke off: " + e.getMessage(), false, null);
        }
    }

    /** Only Zoom's own hosts, over HTTPS (plain HTTP only on loopback): a signed webhook must not make Stellar fetch anywhere. */
    private URI allowed(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ZoomDownloadException("The download URL is not a URL: " + url, true, null);
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean known = properties.downloadHosts().stream().anyMatch(h -> host.equals(h) || host.endsWith("." + h));
        boolean loopback = host.equals("localhost") || host.equals("127.0.0.1");
        if (!known || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()) && loopback)) {
            throw new ZoomDownloadException("Refusing to download from " + host + ": not a Zoom host", true, null);
        }
        return uri;
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Duration.ofSeconds(Long.parseLong(value.strip()));
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
    }

    private static void close(HttpResponse<InputStream> response) {
        if (response != null) {
            try {
                response.body().close();
            } catch (IOException ignored) {
                // the connection is released either way
            }
        }
    }
}
