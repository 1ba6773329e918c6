package dev.stellar.workers.meeting;

import dev.stellar.workflows.meeting.MeetingStatus;
import java.time.Instant;
import java.util.UUID;

/** A meeting as lists show it. */
public record MeetingSummary(UUID id, String title, Platform platform, MeetingStatus status, String statusReason,
                             String ownerName, Instant startedAt, Instant createdAt, int participantCount,
                             Long durationMs) {
}
