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
import org.springframework.data.repository.ListCrudRepository;

/** Every finder that serves a person takes the organisation: no query crosses tenants. */
public interface MeetingRepository extends ListCrudRepository<Meeting, UUID> {

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
