package dev.stellar.workers.meeting;

import dev.stellar.workflows.meeting.MeetingStatus;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** @param timeZone IANA zone the meeting took place in (dates are read in it), or {@code null} for UTC */
@Table("meetings")
public record Meeting(@Id UUID id, UUID organizationId, Platform platform, String externalId, String title,
                      Instant startedAt, Instant endedAt, String timeZone, UUID ownerId, MeetingStatus status, String statusReason,
                      String workflowId, String transcriptRef, String transcriptFileName, Instant createdAt,
                      Instant updatedAt, @Version Long version) {
}
