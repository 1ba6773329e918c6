package dev.stellar.ui.security;

import dev.stellar.workers.runtime.KeyFiles;
import dev.stellar.workers.runtime.StellarProperties;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The HMAC key that signs API tokens: from configuration, or generated once and kept in the data directory. */
final class TokenKey {

    private static final int MIN_BYTES = 32;

    private TokenKey() {
    }

    static SecretKey resolve(SecurityProperties security, StellarProperties stellar) {
        byte[] key = KeyFiles.resolve(security.jwtSecret(), "stellar.security.jwt-secret",
                stellar.dataDir().resolve("secrets").resolve("jwt-hs256.key"), MIN_BYTES);
        return new SecretKeySpec(key, "HmacSHA256");
    }
}
