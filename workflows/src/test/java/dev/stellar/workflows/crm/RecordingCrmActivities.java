package dev.stellar.workflows.crm;

import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** CRM activities for workflow tests: they record every call and answer as told, without a database or a CRM. */
public class RecordingCrmActivities implements CrmActivities {

    public final List<String> calls = new CopyOnWriteArrayList<>();
    /** Changes proposed; 0 is an organisation without a CRM. */
    public volatile int proposed;
    /** Changes waiting for a person; a test decides them by lowering this and signalling. */
    public final AtomicInteger waiting = new AtomicInteger();
    public volatile long remindAfterSeconds = 24 * 3600;
    public volatile long expireAfterSeconds = 7 * 24 * 3600;
    /** Applying fails this often with an outage before it goes through. */
    public volatile int outages;
    /** Applying never goes through. */
    public volatile boolean crmDown;
    /** The CRM refuses for good (credentials revoked). */
    public volatile boolean refused;

    @Override
    public ReviewPlan proposeChanges(MeetingRef meeting) {
        calls.add("propose:" + meeting.meetingId());
        return new ReviewPlan(proposed, waiting.get(), remindAfterSeconds, expireAfterSeconds);
    }

    @Override
    public int waitingChanges(MeetingRef meeting) {
        calls.add("waiting");
        return waiting.get();
    }

    @Override
    public void escalateReview(MeetingRef meeting) {
        calls.add("escalate");
    }

    @Override
    public int expireChanges(MeetingRef meeting) {
        calls.add("expire");
        return waiting.getAndSet(0);
    }

    @Override
    public synchronized ApplyResult applyChanges(MeetingRef meeting) {
        calls.add("apply");
        if (refused) {
            throw ApplicationFailure.newNonRetryableFailure("HubSpot refused the connection's token (401): expired",
                    dev.stellar.workflows.Errors.CRM_REFUSED.name());
        }
        if (crmDown || outages > 0) {
            outages--;
            throw ApplicationFailure.newFailure("HubSpot answered 503: Service Unavailable", "HTTP_503");
        }
        return new ApplyResult(proposed, 0, null);
    }

    @Override
    public void recordSyncFailure(SyncFailure failure) {
        calls.add("failed:" + failure.reason());
    }
}
