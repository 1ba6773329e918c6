package dev.stellar.ui.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param jwtSecret base64 key for signing API tokens (at least 32 bytes); every web replica needs the same.
 *                  When absent, one is generated once and kept in the data directory.
 * @param tokenTtl  how long an API token is valid
 */
@ConfigurationProperties("stellar.security")
public record SecurityProperties(String jwtSecret, Duration tokenTtl) {

    public SecurityProperties {
        if (tokenTtl == null) {
            tokenTtl = Duration.ofHours(12);
        }
    }
}
