package dev.stellar.connectors.vectors;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param embeddedFile where the embedded store keeps its vectors (one node only; several workers need Qdrant)
 * @param qdrant       a Qdrant server; when its host is set it replaces the embedded store
 */
@ConfigurationProperties("stellar.vectors")
public record VectorProperties(Path embeddedFile, Qdrant qdrant) {

    /**
     * @param host       Qdrant's host, or empty for the embedded store
     * @param port       its gRPC port (6334)
     * @param apiKey     optional
     * @param collection the collection of meeting chunks, created with the model's dimensions when missing
     */
    public record Qdrant(String host, Integer port, String apiKey, String collection, boolean useTls) {

        public Qdrant {
            port = port == null ? 6334 : port;
            collection = collection == null || collection.isBlank() ? "stellar-chunks" : collection;
        }

        public boolean configured() {
            return host != null && !host.isBlank();
        }
    }
}
