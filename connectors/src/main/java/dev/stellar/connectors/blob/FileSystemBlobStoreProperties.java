package dev.stellar.connectors.blob;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param root folder holding the blobs; in the distributed stack a volume shared by web and worker
 */
@ConfigurationProperties("stellar.blob.filesystem")
public record FileSystemBlobStoreProperties(Path root) {
}
