package dev.stellar.connectors.blob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Blobs as files {@code <root>/<namespace>/sha256-<hex>}, written to a temporary file and moved into place. */
public class FileSystemBlobStore implements BlobStore {

    private static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final Path root;

    public FileSystemBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String put(String namespace, byte[] content) {
        requireSafe(namespace, "namespace");
        String name = "sha256-" + HexFormat.of().formatHex(sha256(content));
        Path folder = root.resolve(namespace);
        Path target = folder.resolve(name);
        try {
            if (!Files.exists(target)) {
                Files.createDirectories(folder);
                Path temp = Files.createTempFile(folder, name, ".part");
                try {
                    Files.write(temp, content);
                    try {
                        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } finally {
                    Files.deleteIfExists(temp); // gone after a successful move; left over only after a failure
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store blob in " + folder, e);
        }
        return namespace + "/" + name;
    }

    @Override
    public byte[] get(String reference) {
        String[] parts = reference.split("/", -1);
        if (parts.length != 2) {
            throw new BlobNotFoundException(reference);
        }
        requireSafe(parts[0], "namespace");
        requireSafe(parts[1], "name");
        try {
            return Files.readAllBytes(root.resolve(parts[0]).resolve(parts[1]));
        } catch (NoSuchFileException e) {
            throw new BlobNotFoundException(reference);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read blob " + reference, e);
        }
    }

    /** Rejects anything that could walk out of the root ("..", slashes). */
    private static void requireSafe(String segment, String what) {
        if (segment == null || !SAFE_SEGMENT.matcher(segment).matches() || segment.startsWith(".")) {
            throw new IllegalArgumentException("invalid blob " + what + ": " + segment);
        }
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
