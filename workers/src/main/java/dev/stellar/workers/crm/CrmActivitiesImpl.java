package dev.stellar.workers.crm;

import dev.stellar.connectors.crm.CrmException;
import dev.stellar.workers.crm.CrmApplier.Applied;
import dev.stellar.workers.crm.CrmChange.Status;
import dev.stellar.workers.crm.CrmProposer.Deadlines;
import dev.stellar.playbooks.crm.CrmMappings;
import dev.stellar.workflows.Errors;
import dev.stellar.workflows.crm.CrmActivities;
import io.temporal.failure.ApplicationFailure;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

@Component("crmActivities")
public class CrmActivitiesImpl implements CrmActivities {

    private static final Logger log = LoggerFactory.getLogger(CrmActivitiesImpl.class);

    private final CrmProposer proposer;
    private final CrmApplier applier;
    private final CrmChangeStore changes;
    private final CrmReview review;

    public CrmActivitiesImpl(CrmProposer proposer, CrmApplier applier, CrmChangeStore changes, CrmReview review) {
        this.proposer = proposer;
        this.applier = applier;
        this.changes = changes;
        this.review = review;
    }

    @Override
    public ReviewPlan proposeChanges(MeetingRef meeting) {
        UUID org = UUID.fromString(meeting.organizationId());
        UUID id = UUID.fromString(meeting.meetingId());
        Deadlines deadlines = crm(() -> proposer.propose(org, id));
        return new ReviewPlan(changes.count(org, id), changes.count(org, id, Status.PROPOSED),
                deadlines.remindAfterHours() * 3600L, deadlines.expireAfterHours() * 3600L);
    }

    @Override
    public int waitingChanges(MeetingRef meeting) {
        return changes.count(UUID.fromString(meeting.organizationId()), UUID.fromString(meeting.meetingId()),
                Status.PROPOSED);
    }

    @Override
    public void escalateReview(MeetingRef meeting) {
        review.escalate(UUID.fromString(meeting.organizationId()), UUID.fromString(meeting.meetingId()));
    }

    @Override
    public int expireChanges(MeetingRef meeting) {
        return changes.expire(UUID.fromString(meeting.organizationId()), UUID.fromString(meeting.meetingId()));
    }

    @Override
    public ApplyResult applyChanges(MeetingRef meeting) {
        Applied applied = crm(() -> applier.apply(UUID.fromString(meeting.organizationId()),
                UUID.fromString(meeting.meetingId())));
        return new ApplyResult(applied.applied(), applied.failed(), applied.detail());
    }

    @Override
    public void recordSyncFailure(SyncFailure failure) {
        UUID org = UUID.fromString(failure.organizationId());
        UUID meeting = UUID.fromString(failure.meetingId());
        changes.withStatus(org, meeting, Status.APPROVED).forEach(line -> changes.failed(org, line.id(), failure.reason()));
    }

    /**
     * A CRM that asks us to wait (429, Retry-After) is retried no sooner than it asked; one that refuses for good (or a
     * mapping that cannot be used) fails at once with its words, for the workflow to record.
     */
    private static <T> T crm(Supplier<T> call) {
        try {
            return call.get();
        } catch (CrmException e) {
            if (!e.retryable()) {
                throw ApplicationFailure.newNonRetryableFailureWithCause(e.getMessage(), Errors.CRM_REFUSED.name(), e);
            }
            log.info("CRM busy or unreachable, retrying: {}", e.getMessage());
            throw ApplicationFailure.newFailureWithCauseAndDelay(e.getMessage(), "CRM_" + e.code(), e, e.retryAfter());
        } catch (CrmMappings.CrmMappingException e) {
            throw ApplicationFailure.newNonRetryableFailureWithCause("The CRM mapping cannot be used: " + e.getMessage(),
                    Errors.CRM_REFUSED.name(), e);
        }
    }
}
