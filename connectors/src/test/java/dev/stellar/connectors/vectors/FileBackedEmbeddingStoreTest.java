package dev.stellar.connectors.vectors;

import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBackedEmbeddingStoreTest {

    @TempDir
    Path dir;

    @Test
    void addingTheSameIdsAgainReplacesAndEverythingSurvivesARestart() {
        Path file = dir.resolve("vectors/chunks.json");
        FileBackedEmbeddingStore store = new FileBackedEmbeddingStore(file);
        List<String> ids = List.of("11111111-1111-1111-1111-111111111111", "22222222-2222-2222-2222-222222222222");
        List<Embedding> vectors = List.of(Embedding.from(new float[] {1, 0, 0}), Embedding.from(new float[] {0, 1, 0}));
        List<TextSegment> chunks = List.of(chunk("pricing", "org-a"), chunk("intro", "org-b"));

        store.addAll(ids, vectors, chunks);
        store.addAll(ids, vectors, chunks); // a retried indexing

        assertThat(search(store, new float[] {1, 0, 0}, "org-a")).hasSize(1);
        assertThat(Files.exists(file)).isTrue();
        assertThat(Files.exists(file.resolveSibling("chunks.json.tmp"))).as("moved into place").isFalse();

        FileBackedEmbeddingStore reopened = new FileBackedEmbeddingStore(file);
        List<EmbeddingMatch<TextSegment>> found = search(reopened, new float[] {1, 0, 0}, "org-a");
        assertThat(found).singleElement().satisfies(m -> assertThat(m.embedded().text()).isEqualTo("pricing"));
        assertThat(search(reopened, new float[] {1, 0, 0}, "org-c")).as("filtered by organisation").isEmpty();

        reopened.removeAll(metadataKey("organization_id").isEqualTo("org-a"));
        assertThat(search(new FileBackedEmbeddingStore(file), new float[] {1, 0, 0}, "org-a")).isEmpty();
    }

    private static TextSegment chunk(String text, String organization) {
        return TextSegment.from(text, new Metadata().put("organization_id", organization));
    }

    private static List<EmbeddingMatch<TextSegment>> search(FileBackedEmbeddingStore store, float[] query, String organization) {
        return store.search(EmbeddingSearchRequest.builder().queryEmbedding(Embedding.from(query)).maxResults(10)
                .filter(metadataKey("organization_id").isEqualTo(organization)).build()).matches();
    }
}
