package dev.stellar.workers.meeting;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A transcript file handed in by a person.
 *
 * @param title     optional; the file name without extension when absent
 * @param startedAt optional; when the meeting took place
 * @param timeZone  optional; where it took place, so its date is the local one
 * @param schema    optional; the field schema to extract, else the organisation's default
 * @param attendees optional; who was invited, with addresses (the follow-up's recipients are chosen from them)
 */
public record UploadRequest(String fileName, byte[] content, String title, Instant startedAt, ZoneId timeZone,
                            String schema, List<Attendee> attendees) {

    public UploadRequest {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
    }

    public UploadRequest(String fileName, byte[] content, String title, Instant startedAt) {
        this(fileName, content, title, startedAt, null, null, null);
    }
}
