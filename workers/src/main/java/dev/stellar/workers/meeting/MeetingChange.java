package dev.stellar.workers.meeting;

import dev.stellar.workflows.meeting.MeetingStatus;
import java.util.UUID;

/**
 * A meeting's status changed (or a new meeting arrived). A resync change ({@code meetingId} and
 * {@code status} null) means changes may have been missed: reload everything shown.
 */
public record MeetingChange(UUID organizationId, UUID meetingId, MeetingStatus status) {

    static MeetingChange resync(UUID organizationId) {
        return new MeetingChange(organizationId, null, null);
    }

    /** Whether this change may concern the given meeting. */
    public boolean concerns(UUID meeting) {
        return meetingId == null || meetingId.equals(meeting);
    }

    String toPayload() {
        return organizationId + ":" + meetingId + ":" + status;
    }

    static MeetingChange fromPayload(String payload) {
        String[] parts = payload.split(":");
        return new MeetingChange(UUID.fromString(parts[0]), UUID.fromString(parts[1]), MeetingStatus.valueOf(parts[2]));
    }
}
