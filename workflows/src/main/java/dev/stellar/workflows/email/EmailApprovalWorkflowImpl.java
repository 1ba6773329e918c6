package dev.stellar.workflows.email;

import dev.stellar.workflows.Errors;
import dev.stellar.workflows.email.EmailActivities.ApprovalPolicy;
import dev.stellar.workflows.email.EmailActivities.DeliverInput;
import dev.stellar.workflows.email.EmailActivities.Delivery;
import dev.stellar.workflows.email.EmailActivities.DeliveryFailure;
import dev.stellar.workflows.email.EmailActivities.DeliveryResult;
import dev.stellar.workflows.email.EmailActivities.DraftRef;
import dev.stellar.workflows.email.EmailActivities.Enrollments;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;

public class EmailApprovalWorkflowImpl implements EmailApprovalWorkflow {

    private static final Logger log = Workflow.getLogger(EmailApprovalWorkflowImpl.class);

    private final EmailActivities activities = Workflow.newActivityStub(EmailActivities.class,
            EmailActivityOptions.bookkeeping());

    /** Sending to a person: capped retries, see {@link EmailActivityOptions#sending()}. */
    private final EmailActivities sender = Workflow.newActivityStub(EmailActivities.class,
            EmailActivityOptions.sending());

    private ApprovalDecision decision;
    private ApprovalOutcome state = new ApprovalOutcome(ApprovalStage.WAITING, null);

    @Override
    public ApprovalOutcome run(EmailApprovalInput input) {
        DraftRef draft = new DraftRef(input.organizationId(), input.draftId());
        ApprovalPolicy policy = activities.openApproval(draft);
        if (decision == null) {
            decision = policy.decision(); // decided while no workflow ran
        }
        if (!Workflow.await(Duration.ofSeconds(policy.remindAfterSeconds()), () -> decision != null)) {
            activities.remindApprover(draft);
            long rest = Math.max(1, policy.expireAfterSeconds() - policy.remindAfterSeconds());
            if (!Workflow.await(Duration.ofSeconds(rest), () -> decision != null)) {
                ApprovalDecision raced = activities.expireDraft(draft);
                if (raced == null) {
                    return finish(ApprovalStage.EXPIRED, "Nobody approved it in time");
                }
                decision = raced;
            }
        }
        if (decision.decision() == Decision.REJECT) {
            return finish(ApprovalStage.REJECTED, null);
        }
        return send(input, draft);
    }

    private ApprovalOutcome send(EmailApprovalInput input, DraftRef draft) {
        long wait = decision.sendAtEpochMs() - Workflow.currentTimeMillis();
        if (wait > 0) {
            state = new ApprovalOutcome(ApprovalStage.SCHEDULED, Instant.ofEpochMilli(decision.sendAtEpochMs()).toString());
            Workflow.sleep(Duration.ofMillis(wait));
        }
        String key = Workflow.getInfo().getWorkflowId() + ":send";
        try {
            while (true) {
                state = new ApprovalOutcome(ApprovalStage.SENDING, null);
                DeliveryResult result = sender.deliver(new DeliverInput(input.organizationId(), input.draftId(), key));
                if (result.delivery() == Delivery.SENT) {
                    startSequences(input, activities.enrollAfterSend(draft));
                    return finish(ApprovalStage.SENT, result.detail());
                }
                if (result.delivery() == Delivery.SUPPRESSED) {
                    return finish(ApprovalStage.SUPPRESSED, result.detail());
                }
                // the mailbox's daily cap or spacing: wait for its next window, never drop the message
                state = new ApprovalOutcome(ApprovalStage.SCHEDULED, result.detail());
                Workflow.sleep(Duration.ofMillis(Math.max(1000, result.notBeforeEpochMs() - Workflow.currentTimeMillis())));
            }
        } catch (ActivityFailure e) {
            String reason = reasonOf(e);
            log.warn("E-mail {} not sent: {}", input.draftId(), reason);
            activities.recordDeliveryFailure(new DeliveryFailure(input.organizationId(), input.draftId(), reason));
            return finish(ApprovalStage.FAILED, reason);
        }
    }

    /** Each enrollment is its own workflow, left running when this one ends; this waits only until they started. */
    private void startSequences(EmailApprovalInput input, Enrollments enrollments) {
        for (String enrollment : enrollments.enrollmentIds()) {
            EmailSequenceWorkflow sequence = Workflow.newChildWorkflowStub(EmailSequenceWorkflow.class,
                    ChildWorkflowOptions.newBuilder()
                            .setWorkflowId(EmailSequenceWorkflow.idFor(input.organizationId(), enrollment))
                            .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                            .build());
            Async.function(sequence::run, new EmailSequenceWorkflow.SequenceInput(input.organizationId(), enrollment));
            try {
                Workflow.getWorkflowExecution(sequence).get();
            } catch (ChildWorkflowFailure | ApplicationFailure already) {
                log.info("Sequence {} runs already: {}", enrollment, already.getMessage());
            }
        }
    }

    @Override
    public void decide(ApprovalDecision decision) {
        if (this.decision == null) { // the first decision counts; the application refuses a second one anyway
            this.decision = decision;
        }
    }

    @Override
    public ApprovalOutcome state() {
        return state;
    }

    private ApprovalOutcome finish(ApprovalStage stage, String detail) {
        state = new ApprovalOutcome(stage, detail);
        return state;
    }

    private static String reasonOf(ActivityFailure failure) {
        return Errors.typedMessage(failure).orElse("The mail server could not be reached after retrying for two hours; the worker's log has the details");
    }
}
