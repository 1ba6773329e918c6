package dev.stellar.workflows.email;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One contact's enrollment in a sequence: each step waits its business days (a durable timer), then goes out exactly once
 * or waits for approval, until the steps run out or something stops it — a reply, an unsubscribe, a bounce, the deal
 * closing, or a person. The enrollment row holds the truth (status, steps sent); signals wake the workflow.
 * Id: {@link #idFor}.
 */
@WorkflowInterface
public interface EmailSequenceWorkflow {

    static String idFor(String organizationId, String enrollmentId) {
        return "email-sequence:" + organizationId + ":" + enrollmentId;
    }

    @WorkflowMethod
    SequenceOutcome run(SequenceInput input);

    /** Stops before the next step; what was sent stays sent. */
    @SignalMethod
    void stop(StopRequest request);

    @SignalMethod
    void pause(PauseRequest request);

    @SignalMethod
    void resume(ResumeRequest request);

    @QueryMethod
    SequenceState state();

    record SequenceInput(String organizationId, String enrollmentId) {
    }

    record StopRequest(StopReason reason, String detail) {
    }

    record PauseRequest(String by) {
    }

    record ResumeRequest(String by) {
    }

    enum StopReason { REPLIED, UNSUBSCRIBED, BOUNCED, DEAL_CLOSED, REJECTED, MANUAL }

    enum SequenceStage { WAITING, PAUSED, AWAITING_APPROVAL, SENDING, FINISHED, STOPPED }

    /** @param nextStep 0-based; @param nextSendAtEpochMs 0 when nothing is scheduled */
    record SequenceState(SequenceStage stage, int nextStep, long nextSendAtEpochMs, String detail) {
    }

    record SequenceOutcome(SequenceStage stage, int stepsSent, String detail) {
    }
}
