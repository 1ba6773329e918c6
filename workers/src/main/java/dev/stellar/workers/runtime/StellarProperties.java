package dev.stellar.workers.runtime;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dataDir  everything the embedded default writes: PostgreSQL's files, blobs, generated keys
 *                 ({@code STELLAR_DATA_DIR}, default {@code ./data})
 * @param embedded the embedded PostgreSQL
 */
@ConfigurationProperties("stellar")
public record StellarProperties(Path dataDir, Embedded embedded) {

    /**
     * @param database     whether to start embedded PostgreSQL (derived: no {@code spring.datasource.url} given)
     * @param databasePort its port; 0 picks a free one
     */
    public record Embedded(boolean database, int databasePort) {
    }
}
