package dev.stellar.workers.account;

/** A new organisation with its first user, who becomes its ADMIN. */
public record SignupRequest(String organization, String name, String email, String password) {
}
