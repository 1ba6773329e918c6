package dev.stellar.workers.secrets;

import dev.stellar.workers.runtime.KeyFiles;
import dev.stellar.workers.runtime.StellarProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM with a fresh 96-bit nonce per secret. The organisation's id is authenticated data: decrypting under another
 * organisation fails. Stored as {@code v1:<base64(nonce | ciphertext | tag)>}, so the key or scheme can change later.
 * The key is {@code stellar.secrets.key} (base64, 32 bytes), or one generated under the data directory.
 */
@Component
public class SecretCipher {

    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    public SecretCipher(@Value("${stellar.secrets.key:}") String configuredKey, StellarProperties stellar) {
        this(KeyFiles.resolve(configuredKey, "stellar.secrets.key",
                stellar.dataDir().resolve("secrets").resolve("secrets-aes256.key"), 32));
    }

    SecretCipher(byte[] key) {
        this.key = new SecretKeySpec(key, 0, 32, "AES");
    }

    public String encrypt(UUID organizationId, String secret) {
        if (secret == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, organizationId, nonce, secret.getBytes(StandardCharsets.UTF_8));
        return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                .put(nonce).put(sealed).array());
    }

    /** @throws SecretUnreadableException when it was encrypted under another key or organisation, or is damaged */
    public String decrypt(UUID organizationId, String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(VERSION)) {
            throw new SecretUnreadableException("a stored secret has an unknown format");
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(stored.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw new SecretUnreadableException("a stored secret is damaged");
        }
        if (all.length <= NONCE_BYTES) {
            throw new SecretUnreadableException("a stored secret is damaged");
        }
        byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
        byte[] sealed = java.util.Arrays.copyOfRange(all, NONCE_BYTES, all.length);
        return new String(run(Cipher.DECRYPT_MODE, organizationId, nonce, sealed), StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, UUID organizationId, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(organizationId.toString().getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SecretUnreadableException("a stored secret does not open with this key for this organisation; "
                    + "was stellar.secrets.key changed? Enter the secret again");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}
