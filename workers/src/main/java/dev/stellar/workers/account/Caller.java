package dev.stellar.workers.account;

import java.util.UUID;

/**
 * The authenticated person a service call is made for. Every tenant-owned query is scoped to
 * {@link #organizationId()}; the edge (REST, views) builds it from the verified token or session.
 */
public record Caller(UUID userId, UUID organizationId, String email, String displayName, Role role) {
}
