package dev.stellar.connectors.vectors;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingSearchResult;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.filter.Filter;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;

/**
 * The embedded vector store: langchain4j's in-memory store, written to a file after every change (to a temporary file
 * first, then moved into place, so a crash leaves the previous state, never half a file). Changes are serialised, so a
 * retried indexing that overlaps its first attempt still leaves one copy of each chunk. For one node; Qdrant scales.
 */
public class FileBackedEmbeddingStore implements EmbeddingStore<TextSegment> {

    private final Path file;
    private final InMemoryEmbeddingStore<TextSegment> store;

    public FileBackedEmbeddingStore(Path file) {
        this.file = file;
        this.store = Files.isRegularFile(file) ? InMemoryEmbeddingStore.fromFile(file) : new InMemoryEmbeddingStore<>();
    }

    @Override
    public synchronized String add(Embedding embedding) {
        String id = store.add(embedding);
        persist();
        return id;
    }

    @Override
    public synchronized void add(String id, Embedding embedding) {
        store.add(id, embedding);
        persist();
    }

    @Override
    public synchronized String add(Embedding embedding, TextSegment segment) {
        String id = store.add(embedding, segment);
        persist();
        return id;
    }

    @Override
    public synchronized List<String> addAll(List<Embedding> embeddings) {
        List<String> ids = store.addAll(embeddings);
        persist();
        return ids;
    }

    /** Replaces entries with the same ids, as Qdrant does (the in-memory store alone would keep both). */
    @Override
    public synchronized void addAll(List<String> ids, List<Embedding> embeddings, List<TextSegment> segments) {
        store.removeAll(ids);
        store.addAll(ids, embeddings, segments);
        persist();
    }

    @Override
    public synchronized void removeAll(Collection<String> ids) {
        store.removeAll(ids);
        persist();
    }

    @Override
    public synchronized void removeAll(Filter filter) {
        store.removeAll(filter);
        persist();
    }

    @Override
    public synchronized void removeAll() {
        store.removeAll();
        persist();
    }

    @Override
    public EmbeddingSearchResult<TextSegment> search(EmbeddingSearchRequest request) {
        return store.search(request);
    }

    private void persist() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, store.serializeToJson());
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the vector store to " + file, e);
        }
    }
}
