package dev.stellar.workers.trigger;

import java.time.Instant;

/** A rule as stored: its current version's YAML, and whether it fires. */
public record StoredRule(String key, String name, String event, int version, String document, boolean enabled,
                         String owner, Instant updatedAt) {
}
