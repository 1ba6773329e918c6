package dev.stellar.workflows.email;

import dev.stellar.workflows.email.EmailActivities.DeliveryResult;
import dev.stellar.workflows.email.EmailSequenceWorkflow.SequenceStage;
import dev.stellar.workflows.email.EmailSequenceWorkflow.StopReason;
import io.temporal.activity.ActivityInterface;

/** The side effects of a sequence enrollment. Every one reads the enrollment row, the truth about it. */
@ActivityInterface
public interface SequenceActivities {

    /** The next step to send and when, after the steps already sent; or where the enrollment stands if none is due. */
    StepPlan nextStep(EnrollmentRef enrollment);

    /**
     * Sends the step exactly once per key, in the thread of the messages before it, with one-click unsubscribe headers.
     * Refuses (SUPPRESSED, with the reason) when the enrollment was stopped meanwhile or the contact must not be written to.
     */
    DeliveryResult sendStep(SendStepInput input);

    /** Puts a "review before send" step in the approval inbox; returns the draft's id. */
    String draftStep(SendStepInput input);

    /** Records the end (FINISHED, or STOPPED with its reason) unless the row says so already. */
    void finish(FinishInput input);

    record EnrollmentRef(String organizationId, String enrollmentId) {
    }

    /**
     * @param step            0-based index of the next step, or -1 when none is left
     * @param sendAtEpochMs   when it is due
     * @param status          the enrollment's status: ACTIVE, PAUSED, FINISHED or STOPPED
     * @param stopReason      for STOPPED, why
     */
    record StepPlan(int step, long sendAtEpochMs, boolean reviewBeforeSend, String status, StopReason stopReason,
                    int stepsSent) {
    }

    record SendStepInput(String organizationId, String enrollmentId, int step, String idempotencyKey) {
    }

    record FinishInput(String organizationId, String enrollmentId, SequenceStage stage, StopReason reason, String detail) {
    }

}
