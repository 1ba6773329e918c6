package dev.stellar.workflows.email;

import dev.stellar.workflows.Errors;
import dev.stellar.workflows.email.EmailActivities.Delivery;
import dev.stellar.workflows.email.EmailActivities.DeliveryResult;
import dev.stellar.workflows.email.EmailApprovalWorkflow.ApprovalDecision;
import dev.stellar.workflows.email.EmailApprovalWorkflow.ApprovalOutcome;
import dev.stellar.workflows.email.EmailApprovalWorkflow.ApprovalStage;
import dev.stellar.workflows.email.EmailApprovalWorkflow.Decision;
import dev.stellar.workflows.email.EmailApprovalWorkflow.EmailApprovalInput;
import dev.stellar.workflows.email.SequenceActivities.EnrollmentRef;
import dev.stellar.workflows.email.SequenceActivities.FinishInput;
import dev.stellar.workflows.email.SequenceActivities.SendStepInput;
import dev.stellar.workflows.email.SequenceActivities.StepPlan;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import org.slf4j.Logger;

public class EmailSequenceWorkflowImpl implements EmailSequenceWorkflow {

    private static final Logger log = Workflow.getLogger(EmailSequenceWorkflowImpl.class);

    private final SequenceActivities activities = Workflow.newActivityStub(SequenceActivities.class,
            EmailActivityOptions.bookkeeping());

    /** Sending to a person: capped retries, see {@link EmailActivityOptions#sending()}. */
    private final SequenceActivities sender = Workflow.newActivityStub(SequenceActivities.class,
            EmailActivityOptions.sending());

    private StopRequest stopped;
    private boolean paused;
    private SequenceState state = new SequenceState(SequenceStage.WAITING, 0, 0, null);

    @Override
    public SequenceOutcome run(SequenceInput input) {
        EnrollmentRef ref = new EnrollmentRef(input.organizationId(), input.enrollmentId());
        int sent = 0;
        int done = -1;
        while (true) {
            StepPlan plan = activities.nextStep(ref);
            sent = plan.stepsSent();
            if (plan.step() >= 0 && plan.step() <= done) {
                // never send a step twice, whatever the row says: stop and let a person look
                stopped = new StopRequest(StopReason.MANUAL, "Step " + (plan.step() + 1) + " was sent but not recorded");
                return stop(ref, sent);
            }
            if (plan.status().equals("STOPPED") || plan.status().equals("FINISHED")) {
                return end(plan.status().equals("STOPPED") ? SequenceStage.STOPPED : SequenceStage.FINISHED, sent,
                        plan.stopReason() == null ? null : plan.stopReason().name());
            }
            if (plan.status().equals("PAUSED")) {
                paused = true;
            }
            if (plan.step() < 0) {
                activities.finish(new FinishInput(ref.organizationId(), ref.enrollmentId(), SequenceStage.FINISHED, null,
                        null));
                return end(SequenceStage.FINISHED, sent, "every step was sent");
            }
            if (!waitUntilDue(ref, plan)) {
                return stop(ref, sent);
            }
            String key = Workflow.getInfo().getWorkflowId() + ":step:" + plan.step();
            SendStepInput step = new SendStepInput(ref.organizationId(), ref.enrollmentId(), plan.step(), key);
            try {
                if (plan.reviewBeforeSend()) {
                    if (!sendAfterApproval(step)) {
                        return stop(ref, sent);
                    }
                } else if (!send(step)) {
                    return stop(ref, sent);
                }
                done = plan.step();
            } catch (ActivityFailure e) {
                log.warn("Sequence {} step {} not sent: {}", ref.enrollmentId(), plan.step(), e.getMessage());
                stopped = new StopRequest(StopReason.MANUAL, "Step " + (plan.step() + 1) + " could not be sent: "
                        + reasonOf(e));
                return stop(ref, sent);
            }
        }
    }

    /** Waits for the step's time, paused for as long as a person paused it; {@code false} when stopped meanwhile. */
    private boolean waitUntilDue(EnrollmentRef ref, StepPlan plan) {
        while (true) {
            if (paused) {
                state = new SequenceState(SequenceStage.PAUSED, plan.step(), plan.sendAtEpochMs(), null);
                Workflow.await(() -> !paused || stopped != null);
                if (stopped != null) {
                    return false;
                }
            }
            state = new SequenceState(SequenceStage.WAITING, plan.step(), plan.sendAtEpochMs(), null);
            long wait = plan.sendAtEpochMs() - Workflow.currentTimeMillis();
            if (wait > 0) {
                Workflow.await(Duration.ofMillis(wait), () -> stopped != null || paused);
            }
            if (stopped != null) {
                return false;
            }
            if (!paused && Workflow.currentTimeMillis() >= plan.sendAtEpochMs()) {
                return true;
            }
        }
    }

    /** @return {@code false} when the step was refused (stopped meanwhile, or the contact may not be written to) */
    private boolean send(SendStepInput step) {
        while (true) {
            state = new SequenceState(SequenceStage.SENDING, step.step(), 0, null);
            DeliveryResult result = sender.sendStep(step);
            if (result.delivery() == Delivery.SENT) {
                return true;
            }
            if (result.delivery() == Delivery.SUPPRESSED) {
                if (stopped == null) {
                    stopped = new StopRequest(StopReason.UNSUBSCRIBED, result.detail());
                }
                return false;
            }
            state = new SequenceState(SequenceStage.WAITING, step.step(), result.notBeforeEpochMs(), result.detail());
            Workflow.await(Duration.ofMillis(Math.max(1000, result.notBeforeEpochMs() - Workflow.currentTimeMillis())),
                    () -> stopped != null);
            if (stopped != null) {
                return false;
            }
        }
    }

    /** The step waits in the inbox; a stop meanwhile withdraws it. {@code false} unless it was approved and sent. */
    private boolean sendAfterApproval(SendStepInput step) {
        String draftId = activities.draftStep(step);
        String approvalId = EmailApprovalWorkflow.idFor(step.organizationId(), draftId);
        EmailApprovalWorkflow approval = Workflow.newChildWorkflowStub(EmailApprovalWorkflow.class,
                ChildWorkflowOptions.newBuilder()
                        .setWorkflowId(approvalId)
                        .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                        .build());
        state = new SequenceState(SequenceStage.AWAITING_APPROVAL, step.step(), 0, draftId);
        Promise<ApprovalOutcome> outcome = Async.function(approval::run, new EmailApprovalInput(step.organizationId(), draftId));
        Workflow.await(() -> outcome.isCompleted() || stopped != null);
        if (!outcome.isCompleted()) {
            // withdraw the waiting draft: the approval ends as rejected and sends nothing
            Workflow.newExternalWorkflowStub(EmailApprovalWorkflow.class, approvalId)
                    .decide(new ApprovalDecision(Decision.REJECT, 0));
            return false;
        }
        ApprovalOutcome result = outcome.get();
        if (result.stage() == ApprovalStage.SENT) {
            return true;
        }
        if (stopped == null) {
            stopped = new StopRequest(StopReason.REJECTED, "Step " + (step.step() + 1) + " was "
                    + result.stage().name().toLowerCase(java.util.Locale.ROOT)
                    + (result.detail() == null ? "" : ": " + result.detail()));
        }
        return false;
    }

    private SequenceOutcome stop(EnrollmentRef ref, int sent) {
        activities.finish(new FinishInput(ref.organizationId(), ref.enrollmentId(), SequenceStage.STOPPED, stopped.reason(),
                stopped.detail()));
        return end(SequenceStage.STOPPED, sent, stopped.reason().name());
    }

    private SequenceOutcome end(SequenceStage stage, int sent, String detail) {
        state = new SequenceState(stage, sent, 0, detail);
        return new SequenceOutcome(stage, sent, detail);
    }

    @Override
    public void stop(StopRequest request) {
        if (stopped == null) {
            stopped = request;
        }
    }

    @Override
    public void pause(PauseRequest request) {
        paused = true;
    }

    @Override
    public void resume(ResumeRequest request) {
        paused = false;
    }

    @Override
    public SequenceState state() {
        return state;
    }

    private static String reasonOf(ActivityFailure failure) {
        return Errors.typedMessage(failure).orElse("the mail server could not be reached after retrying for two hours");
    }
}
