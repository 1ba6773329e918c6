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

    long countByOrganizationIdAndStatusIn(UUID organizationId, Collection<MeetingStatus> statuses);

    /** System use only (resuming after a restart): meetings of every organisation that are not finished. */
    List<Meeting> findByStatusIn(Collection<MeetingStatus> statuses);

    @Modifying
    @Query("""
            update meetings set status = :status, status_reason = :reason, updated_at = :now, version = version + 1
            where id = :id and organization_id = :organizationId""")
    int updateStatus(UUID id, UUID organizationId, String status, String reason, Instant now);
}
