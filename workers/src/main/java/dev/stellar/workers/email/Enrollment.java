package dev.stellar.workers.email;

import dev.stellar.workflows.email.EmailSequenceWorkflow.StopReason;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One contact in one sequence.
 *
 * @param templateVersion  {@code null} for a built-in template as shipped
 * @param threadMessageIds the follow-up's and every sent step's Message-ID, oldest first: replies to any of them stop it
 */
public record Enrollment(UUID id, UUID organizationId, String templateKey, Integer templateVersion, UUID meetingId,
                         String meetingTitle, UUID ownerId, String ownerName, String contactEmail, String contactName,
                         Status status, StopReason stopReason, String stopDetail, int stepsSent, Instant nextStepAt,
                         Instant lastSentAt, List<String> threadMessageIds, Instant createdAt) {

    public enum Status { ACTIVE, PAUSED, FINISHED, STOPPED }

    public boolean running() {
        return status == Status.ACTIVE || status == Status.PAUSED;
    }

    /** An entry of the enrollment's history. */
    public record Event(Instant at, String kind, String detail) {
    }
}
