package dev.stellar.workers.runtime;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dataDir  everything the embedded default writes: PostgreSQL's files, blobs, generated keys
 *                 ({@code STELLAR_DATA_DIR}, default {@code ./data})
 * @param embedded  the embedded PostgreSQL
 * @param publicUrl where people and other systems reach this Stellar's web edge ({@code STELLAR_PUBLIC_URL}, default
 *                  {@code http://localhost:8080}): the base of webhook URLs and unsubscribe links
 */
@ConfigurationProperties("stellar")
public record StellarProperties(Path dataDir, Embedded embedded, String publicUrl) {

    public StellarProperties {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
    }

    /**
     * @param database     whether to start embedded PostgreSQL (derived: no {@code spring.datasource.url} given)
     * @param databasePort its port; 0 picks a free one
     */
    public record Embedded(boolean database, int databasePort) {
    }
}
