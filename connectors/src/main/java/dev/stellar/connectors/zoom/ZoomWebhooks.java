package dev.stellar.connectors.zoom;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Zoom's webhook security: every request is signed {@code v0=hex(HMAC-SHA256(secret, "v0:{timestamp}:{body}"))} in
 * {@code x-zm-signature}, with {@code x-zm-request-timestamp} in seconds; the endpoint proves it knows the secret by
 * answering {@code endpoint.url_validation} with {@code hex(HMAC-SHA256(secret, plainToken))}.
 */
public final class ZoomWebhooks {

    /** How old (or early) a request may be: older ones are replays. */
    public static final Duration WINDOW = Duration.ofMinutes(5);

    public enum Verdict { VALID, MISSING_HEADERS, STALE, BAD_SIGNATURE }

    private ZoomWebhooks() {
    }

    public static Verdict verify(String secretToken, String timestamp, String signature, byte[] body, Instant now) {
        if (timestamp == null || signature == null) {
            return Verdict.MISSING_HEADERS;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Verdict.STALE;
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(WINDOW) > 0) {
            return Verdict.STALE;
        }
        byte[] message = ("v0:" + timestamp.strip() + ":" + new String(body, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        String expected = "v0=" + hmacHex(secretToken, message);
        // constant time: the signature is the only secret-dependent thing an attacker sees
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.strip().getBytes(StandardCharsets.US_ASCII)) ? Verdict.VALID : Verdict.BAD_SIGNATURE;
    }

    /** The {@code encryptedToken} of the answer to {@code endpoint.url_validation}. */
    public static String urlValidationToken(String secretToken, String plainToken) {
        return hmacHex(secretToken, plainToken.getBytes(StandardCharsets.UTF_8));
    }

    /** A signature as Zoom computes it, for load drivers and tests that play Zoom. */
    public static String sign(String secretToken, String timestamp, byte[] body) {
        return "v0=" + hmacHex(secretToken, ("v0:" + timestamp + ":" + new String(body, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String hmacHex(String secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
