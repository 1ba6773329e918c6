package dev.stellar.workflows.crm;

import io.temporal.activity.ActivityInterface;

/** What the CRM sync does outside the workflow; each is safe to repeat. */
@ActivityInterface
public interface CrmActivities {

    /**
     * Reads the CRM's current values and stores one proposed change per mapped field that would change; the
     * organisation's policy approves the confident ones at once. Proposing again keeps what was decided.
     */
    ReviewPlan proposeChanges(MeetingRef meeting);

    /** How many of the meeting's changes still wait for a person. */
    int waitingChanges(MeetingRef meeting);

    /** Tells the rep's managers that changes are waiting (they may decide them too). */
    void escalateReview(MeetingRef meeting);

    /** Drops the changes nobody decided in time. */
    int expireChanges(MeetingRef meeting);

    /**
     * Writes the approved changes, each record by the key Stellar matched it with, so a retry updates rather than
     * duplicates. A change the CRM refuses is marked with the CRM's reason; an outage or a rate limit is thrown (retried).
     */
    ApplyResult applyChanges(MeetingRef meeting);

    /** Marks the approved changes that could not be written after retrying, with the reason. */
    void recordSyncFailure(SyncFailure failure);

    record MeetingRef(String organizationId, String meetingId) {
    }

    /**
     * @param proposed          changes stored for the meeting (0: nothing to sync, e.g. no CRM connected)
     * @param waiting           of those, the ones waiting for a person
     * @param remindAfterSeconds when to escalate to the managers
     * @param expireAfterSeconds when the undecided ones are dropped
     */
    record ReviewPlan(int proposed, int waiting, long remindAfterSeconds, long expireAfterSeconds) {
    }

    record ApplyResult(int applied, int failed, String detail) {
    }

    record SyncFailure(String organizationId, String meetingId, String reason) {
    }
}
