package dev.stellar.workflows.crm;

import dev.stellar.workflows.Errors;
import dev.stellar.workflows.crm.CrmActivities.ApplyResult;
import dev.stellar.workflows.crm.CrmActivities.MeetingRef;
import dev.stellar.workflows.crm.CrmActivities.ReviewPlan;
import dev.stellar.workflows.crm.CrmActivities.SyncFailure;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import org.slf4j.Logger;

public class CrmSyncWorkflowImpl implements CrmSyncWorkflow {

    private static final Logger log = Workflow.getLogger(CrmSyncWorkflowImpl.class);

    /** Reading the CRM and the database: retried with backoff through an outage. */
    private final CrmActivities activities = Workflow.newActivityStub(CrmActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(2))
                    .setScheduleToCloseTimeout(Duration.ofDays(1))
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setInitialInterval(Duration.ofSeconds(2))
                            .setMaximumInterval(Duration.ofMinutes(10))
                            .setDoNotRetry(Errors.typeNames())
                            .build())
                    .build());

    /**
     * Writing to the CRM: a rate limit or an outage is waited out for up to a day (batches of a thousand meetings share
     * one account's budget); refused records are not retried, the activity marks them with the CRM's reason.
     */
    private final CrmActivities writer = Workflow.newActivityStub(CrmActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(10))
                    .setScheduleToCloseTimeout(Duration.ofDays(1))
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setInitialInterval(Duration.ofSeconds(5))
                            .setBackoffCoefficient(2)
                            .setMaximumInterval(Duration.ofMinutes(30))
                            .setDoNotRetry(Errors.typeNames())
                            .build())
                    .build());

    private boolean reviewed;
    private CrmSyncOutcome state = new CrmSyncOutcome(CrmSyncStage.PROPOSING, 0, 0, null);

    @Override
    public CrmSyncOutcome run(CrmSyncInput input) {
        MeetingRef meeting = new MeetingRef(input.organizationId(), input.meetingId());
        try {
            ReviewPlan plan = activities.proposeChanges(meeting);
            if (plan.proposed() == 0) {
                return finish(CrmSyncStage.NOTHING_TO_SYNC, 0, 0, null);
            }
            awaitDecisions(meeting, plan);
            state = new CrmSyncOutcome(CrmSyncStage.APPLYING, 0, 0, null);
            ApplyResult result = writer.applyChanges(meeting);
            return finish(CrmSyncStage.SYNCED, result.applied(), result.failed(), result.detail());
        } catch (ActivityFailure e) {
            String reason = Errors.typedMessage(e)
                    .orElse("The CRM could not be reached after retrying for a day; the worker's log has the details");
            log.warn("CRM sync of meeting {} failed: {}", input.meetingId(), reason);
            activities.recordSyncFailure(new SyncFailure(input.organizationId(), input.meetingId(), reason));
            return finish(CrmSyncStage.FAILED, 0, 0, reason);
        }
    }

    /** Until every change is decided; escalated once, then what is left expires. */
    private void awaitDecisions(MeetingRef meeting, ReviewPlan plan) {
        int waiting = plan.waiting();
        long start = Workflow.currentTimeMillis();
        long remindAt = start + plan.remindAfterSeconds() * 1000;
        long expireAt = start + Math.max(plan.expireAfterSeconds(), plan.remindAfterSeconds() + 1) * 1000;
        boolean escalated = false;
        while (waiting > 0) {
            state = new CrmSyncOutcome(CrmSyncStage.WAITING, 0, 0, waiting + " change(s) waiting for review");
            long now = Workflow.currentTimeMillis();
            long until = escalated ? expireAt : remindAt;
            if (Workflow.await(Duration.ofMillis(Math.max(1, until - now)), () -> reviewed)) {
                reviewed = false; // a decision signalled while this looks stays noticed for the next round
                waiting = activities.waitingChanges(meeting);
            } else if (!escalated) {
                activities.escalateReview(meeting);
                escalated = true;
            } else {
                activities.expireChanges(meeting);
                waiting = 0;
            }
        }
    }

    @Override
    public void reviewed() {
        reviewed = true;
    }

    @Override
    public CrmSyncOutcome state() {
        return state;
    }

    private CrmSyncOutcome finish(CrmSyncStage stage, int applied, int failed, String detail) {
        state = new CrmSyncOutcome(stage, applied, failed, detail);
        return state;
    }
}
