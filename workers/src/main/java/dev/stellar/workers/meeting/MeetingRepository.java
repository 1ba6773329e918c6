package dev.stellar.workers.meeting;

import dev.stellar.workflows.meeting.MeetingStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * Meetings, always found by organisation and id: there is deliberately no {@code findById} or
 * {@code findAll} that could cross tenants. The resumer's finder is the one system-wide query.
 */
public interface MeetingRepository extends Repository<Meeting, UUID> {

    Meeting save(Meeting meeting);

    Optional<Meeting> findByIdAndOrganizationId(UUID id, UUID organizationId);

    List<Meeting> findByOrganizationIdOrderByCreatedAtDescIdDesc(UUID organizationId, Pageable page);

    long countByOrganizationId(UUID organizationId);

    /** System use only (the resumer): unfinished meetings of every organisation, untouched since the given time. */
    List<Meeting> findTop200ByStatusInAndUpdatedAtBeforeOrderByUpdatedAt(Collection<MeetingStatus> statuses, Instant before);

    @Modifying
    @Query("""
            update meetings set status = :status, status_reason = :reason, updated_at = :now, version = version + 1
            where id = :id and organization_id = :organizationId""")
    int updateStatus(UUID id, UUID organizationId, String status, String reason, Instant now);
}
