package dev.stellar.connectors.vectors;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.qdrant.QdrantEmbeddingStore;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;
import java.util.concurrent.ExecutionException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VectorProperties.class)
public class VectorConfiguration {

    /**
     * bge-small-en-v1.5 (384 dimensions), loaded on first use so processes that never embed do not pay for it; with
     * Qdrant it loads at start, because the collection is created (or checked) with the model's dimensions.
     */
    @Bean
    @Lazy
    @ConditionalOnMissingBean
    EmbeddingModel embeddingModel() {
        return new BgeSmallEnV15QuantizedEmbeddingModel();
    }

    @Bean
    @ConditionalOnMissingBean
    EmbeddingStore<TextSegment> embeddingStore(VectorProperties properties, @Lazy EmbeddingModel model) {
        VectorProperties.Qdrant qdrant = properties.qdrant();
        if (qdrant != null && qdrant.configured()) {
            return qdrantStore(qdrant, model.dimension());
        }
        if (properties.embeddedFile() == null) {
            throw new IllegalStateException("stellar.vectors.embedded-file is not set and no Qdrant host is configured");
        }
        return new FileBackedEmbeddingStore(properties.embeddedFile());
    }

    private static EmbeddingStore<TextSegment> qdrantStore(VectorProperties.Qdrant qdrant, int dimensions) {
        QdrantGrpcClient.Builder grpc = QdrantGrpcClient.newBuilder(qdrant.host(), qdrant.port(), qdrant.useTls(), false);
        if (qdrant.apiKey() != null && !qdrant.apiKey().isBlank()) {
            grpc.withApiKey(qdrant.apiKey());
        }
        QdrantClient client = new QdrantClient(grpc.build());
        try {
            if (!client.collectionExistsAsync(qdrant.collection()).get()) {
                client.createCollectionAsync(qdrant.collection(), VectorParams.newBuilder()
                        .setSize(dimensions).setDistance(Distance.Cosine).build()).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing Qdrant collection " + qdrant.collection(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot prepare Qdrant collection " + qdrant.collection() + " at "
                    + qdrant.host() + ":" + qdrant.port() + ": " + e.getCause().getMessage(), e);
        }
        return QdrantEmbeddingStore.builder().client(client).collectionName(qdrant.collection()).build();
    }
}
