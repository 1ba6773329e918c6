package dev.stellar.connectors.zoom;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code stellar.zoom.*}: where Zoom is. Accounts and secrets are per organisation (connections), not here.
 *
 * @param oauthUrl      Zoom's OAuth server (Server-to-Server tokens), default {@code https://zoom.us}
 * @param downloadHosts hosts recording files may be downloaded from (a webhook's URL elsewhere is refused), default
 *                      {@code zoom.us} and its subdomains
 * @param timeout       per request
 * @param maxBytes      largest file accepted
 */
@ConfigurationProperties("stellar.zoom")
public record ZoomProperties(String oauthUrl, List<String> downloadHosts, Duration timeout, Long maxBytes) {

    public ZoomProperties {
        oauthUrl = oauthUrl == null || oauthUrl.isBlank() ? "https://zoom.us" : oauthUrl.replaceAll("/+$", "");
        downloadHosts = downloadHosts == null || downloadHosts.isEmpty() ? List.of("zoom.us") : List.copyOf(downloadHosts);
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
        maxBytes = maxBytes == null ? 50L * 1024 * 1024 : maxBytes;
    }
}
