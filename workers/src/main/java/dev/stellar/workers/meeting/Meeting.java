package dev.stellar.workers.meeting;

import dev.stellar.workflows.meeting.MeetingStatus;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * @param timeZone           IANA zone the meeting took place in (dates are read in it), or {@code null} for UTC
 * @param fieldSchema        the field schema it is analysed with, or {@code null} for meetings from before schemas
 * @param fieldSchemaVersion the organisation's version of that schema, or {@code null} for the built-in one
 */
@Table("meetings")
public record Meeting(@Id UUID id, UUID organizationId, Platform platform, String externalId, String title,
                      Instant startedAt, Instant endedAt, String timeZone, UUID ownerId, MeetingStatus status, String statusReason,
                      String workflowId, String transcriptRef, String transcriptFileName, Instant createdAt,
                      Instant updatedAt, String fieldSchema, Integer fieldSchemaVersion,
                      @Version Long version) {
}
