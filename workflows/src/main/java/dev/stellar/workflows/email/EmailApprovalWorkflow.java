package dev.stellar.workflows.email;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One drafted e-mail from waiting for a person to sent (or rejected, or expired). Id: {@link #idFor}. The decision itself
 * is stored by the application before it signals, so a workflow started afresh reads it instead of waiting again.
 */
@WorkflowInterface
public interface EmailApprovalWorkflow {

    static String idFor(String organizationId, String draftId) {
        return "email-approval:" + organizationId + ":" + draftId;
    }

    @WorkflowMethod
    ApprovalOutcome run(EmailApprovalInput input);

    /** The rep approved (now or for later) or rejected the draft. */
    @SignalMethod
    void decide(ApprovalDecision decision);

    @QueryMethod
    ApprovalOutcome state();

    record EmailApprovalInput(String organizationId, String draftId) {
    }

    /**
     * @param sendAtEpochMs when to send; 0 or a past time sends at once
     */
    record ApprovalDecision(Decision decision, long sendAtEpochMs) {
    }

    enum Decision { APPROVE, REJECT }

    /** Where the e-mail is, and what a person should know about it (the reason it failed, when it will go out). */
    record ApprovalOutcome(ApprovalStage stage, String detail) {
    }

    enum ApprovalStage { WAITING, SCHEDULED, SENDING, SENT, REJECTED, EXPIRED, SUPPRESSED, FAILED }
}
