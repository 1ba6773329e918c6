package dev.stellar.connectors.blob;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreTest {

    @TempDir
    Path root;

    @Test
    void storesContentOnceUnderItsHash() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        String first = store.put("org-1", "hello".getBytes(UTF_8));
        String second = store.put("org-1", "hello".getBytes(UTF_8));

        assertThat(first).isEqualTo(second)
                .isEqualTo("org-1/sha256-2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        assertThat(new String(store.get(first), UTF_8)).isEqualTo("hello");
        try (var files = Files.list(root.resolve("org-1"))) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void unknownReferenceIsReported() {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        assertThatThrownBy(() -> store.get("org-1/sha256-00")).isInstanceOf(BlobNotFoundException.class)
                .hasMessageContaining("org-1/sha256-00");
    }

    @Test
    void referencesCannotEscapeTheRoot() {
        FileSystemBlobStore store = new FileSystemBlobStore(root.resolve("blobs"));
        assertThatThrownBy(() -> store.get("../secret")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put("..", new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.get("a/b/c")).isInstanceOf(BlobNotFoundException.class);
    }
}
