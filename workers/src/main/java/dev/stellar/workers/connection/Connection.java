package dev.stellar.workers.connection;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A connection as shown: never with its secrets.
 *
 * @param settings   what is not secret, e.g. Zoom's account and client ids
 * @param secretKeys the names of the secrets it holds (their values never leave the service)
 * @param webhookUrl where the platform sends its events; null for a service that sends none (a CRM)
 */
public record Connection(UUID id, UUID organizationId, Type type, String name, Map<String, String> settings,
                         java.util.Set<String> secretKeys, String webhookUrl, Instant createdAt, Instant lastEventAt,
                         String lastEvent, String lastError) {

    public enum Type {
        ZOOM, TEAMS, MEET, SPEECH, HUBSPOT, SALESFORCE;

        /** Whether the service sends Stellar events (a webhook URL to configure there). */
        public boolean sendsEvents() {
            return this == ZOOM || this == TEAMS || this == MEET;
        }
    }

    /** An event a connection received, and what became of it. */
    public record Event(Instant at, String kind, String detail) {
    }
}
