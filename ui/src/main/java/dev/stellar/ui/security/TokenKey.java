package dev.stellar.ui.security;

import dev.stellar.workers.runtime.StellarProperties;
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
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The HMAC key that signs API tokens: from configuration, or generated once and kept in the data directory. */
final class TokenKey {

    private static final int MIN_BYTES = 32;

    private TokenKey() {
    }

    static SecretKey resolve(SecurityProperties security, StellarProperties stellar) {
        byte[] key = security.jwtSecret() != null && !security.jwtSecret().isBlank()
                ? decode(security.jwtSecret(), "stellar.security.jwt-secret")
                : generatedKey(stellar.dataDir().resolve("secrets").resolve("jwt-hs256.key"));
        return new SecretKeySpec(key, "HmacSHA256");
    }

    private static byte[] generatedKey(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] key = new byte[MIN_BYTES];
                new SecureRandom().nextBytes(key);
                Path temp = Files.createTempFile(file.getParent(), "jwt", ".part",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(temp, Base64.getEncoder().encodeToString(key));
                try {
                    // whole or not at all; a node starting at the same moment may win, then its key is used
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException raced) {
                    Files.deleteIfExists(temp);
                }
            }
            return decode(Files.readString(file, StandardCharsets.UTF_8).strip(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the token key " + file, e);
        }
    }

    private static byte[] decode(String base64, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " is not valid base64", e);
        }
        if (key.length < MIN_BYTES) {
            throw new IllegalStateException(where + " must hold at least " + MIN_BYTES + " bytes, has " + key.length);
        }
        return key;
    }
}
