package dev.stellar.workers.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Keys from configuration (base64), or generated once and kept under the data directory, readable by the owner only.
 * Replicas of a distributed deployment must be configured with the same key; a generated one suits one machine.
 */
public final class KeyFiles {

    private KeyFiles() {
    }

    /**
     * @param configured the configured base64 key, or {@code null}/blank to use the file
     * @param property   the property's name, for errors
     * @param file       where the generated key lives
     * @param minBytes   the shortest acceptable key
     */
    public static byte[] resolve(String configured, String property, Path file, int minBytes) {
        if (configured != null && !configured.isBlank()) {
            return decode(configured, property, minBytes);
        }
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] key = new byte[minBytes];
                new SecureRandom().nextBytes(key);
                Path temp = Files.createTempFile(file.getParent(), "key", ".part",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(temp, Base64.getEncoder().encodeToString(key));
                try {
                    // whole or not at all; a node starting at the same moment may win, then its key is used
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException raced) {
                    Files.deleteIfExists(temp);
                }
            }
            return decode(Files.readString(file, StandardCharsets.UTF_8).strip(), file.toString(), minBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key " + file, e);
        }
    }

    private static byte[] decode(String base64, String where, int minBytes) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " is not valid base64", e);
        }
        if (key.length < minBytes) {
            throw new IllegalStateException(where + " must hold at least " + minBytes + " bytes, has " + key.length);
        }
        return key;
    }
}
