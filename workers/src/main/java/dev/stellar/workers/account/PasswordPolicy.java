package dev.stellar.workers.account;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * NIST SP 800-63B style: length over composition rules, and no commonly used passwords
 * or passwords made of the user's own e-mail.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    private static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = Set.of("password", "password1", "password123", "1234567890",
            "12345678910", "qwertyuiop", "iloveyou12", "letmein123", "welcome123", "admin12345", "abcdefghij",
            "0123456789", "passw0rd12", "football12", "monkey1234", "stellar123", "changeme12");

    private PasswordPolicy() {
    }

    /** The reason the password is refused, or empty when it is acceptable. */
    public static Optional<String> weakness(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("password must be at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("password must be at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || lower.chars().distinct().count() < 4) {
            return Optional.of("password is too easy to guess");
        }
        if (email != null && !email.isBlank() && lower.contains(email.toLowerCase(Locale.ROOT).split("@")[0])
                && email.split("@")[0].length() >= 4) {
            return Optional.of("password must not contain your e-mail name");
        }
        return Optional.empty();
    }
}
