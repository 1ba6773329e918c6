package dev.stellar.workers.meeting;

import dev.stellar.workflows.meeting.MeetingStatus;
import java.util.UUID;

/** A meeting's status changed (or a new meeting arrived). */
public record MeetingChange(UUID organizationId, UUID meetingId, MeetingStatus status) {

    String toPayload() {
        return organizationId + ":" + meetingId + ":" + status;
    }

    static MeetingChange fromPayload(String payload) {
        String[] parts = payload.split(":");
        return new MeetingChange(UUID.fromString(parts[0]), UUID.fromString(parts[1]), MeetingStatus.valueOf(parts[2]));
    }
}
