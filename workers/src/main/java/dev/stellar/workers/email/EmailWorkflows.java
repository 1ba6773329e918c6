package dev.stellar.workers.email;

import dev.stellar.workflows.TaskQueues;
import dev.stellar.workflows.email.EmailApprovalWorkflow;
import dev.stellar.workflows.email.EmailApprovalWorkflow.ApprovalDecision;
import dev.stellar.workflows.email.EmailApprovalWorkflow.EmailApprovalInput;
import dev.stellar.workflows.email.EmailSequenceWorkflow;
import dev.stellar.workflows.email.EmailSequenceWorkflow.SequenceInput;
import dev.stellar.workflows.email.EmailSequenceWorkflow.SequenceState;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The only code that talks to Temporal about e-mail: approvals and sequence enrollments. */
@Component
public class EmailWorkflows {

    private static final Logger log = LoggerFactory.getLogger(EmailWorkflows.class);

    private final WorkflowClient client;

    public EmailWorkflows(WorkflowClient client) {
        this.client = client;
    }

    /**
     * Tells the draft's approval workflow the decision, starting it when it does not run (the in-process service
     * restarted, or the meeting predates approvals). The decision is stored already, so a failure here only delays it:
     * {@link EmailResumer} starts the workflow, which reads the stored decision.
     */
    public void decided(UUID organizationId, UUID draftId, ApprovalDecision decision) {
        EmailApprovalWorkflow workflow = stub(organizationId, draftId);
        try {
            BatchRequest request = client.newSignalWithStartRequest();
            request.add(workflow::run, new EmailApprovalInput(organizationId.toString(), draftId.toString()));
            request.add(workflow::decide, decision);
            client.signalWithStart(request);
        } catch (RuntimeException e) {
            log.warn("Decision on draft {} stored; its workflow will pick it up when Temporal answers: {}", draftId,
                    e.getMessage());
        }
    }

    /** @return {@code true} when this call started the approval workflow */
    public boolean start(UUID organizationId, UUID draftId) {
        try {
            WorkflowClient.start(stub(organizationId, draftId)::run,
                    new EmailApprovalInput(organizationId.toString(), draftId.toString()));
            return true;
        } catch (WorkflowExecutionAlreadyStarted already) {
            return false;
        }
    }

    /** Starts the enrollment's sequence workflow; one that runs is left alone. @return whether this call started it */
    public boolean startSequence(UUID organizationId, UUID enrollmentId) {
        EmailSequenceWorkflow workflow = client.newWorkflowStub(EmailSequenceWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(EmailSequenceWorkflow.idFor(organizationId.toString(), enrollmentId.toString()))
                .setTaskQueue(TaskQueues.MEETINGS)
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                .build());
        try {
            WorkflowClient.start(workflow::run, new SequenceInput(organizationId.toString(), enrollmentId.toString()));
            return true;
        } catch (WorkflowExecutionAlreadyStarted already) {
            return false;
        }
    }

    /**
     * Wakes the enrollment's workflow about a change already stored (stop, pause, resume). A workflow that is gone is
     * fine: the resumer starts running enrollments afresh, and a stopped one needs none.
     */
    public void signalSequence(UUID organizationId, UUID enrollmentId, java.util.function.Consumer<EmailSequenceWorkflow> signal) {
        try {
            signal.accept(client.newWorkflowStub(EmailSequenceWorkflow.class,
                    EmailSequenceWorkflow.idFor(organizationId.toString(), enrollmentId.toString())));
        } catch (RuntimeException e) {
            log.debug("Enrollment {} not signalled: {}", enrollmentId, e.getMessage());
        }
    }

    public Optional<SequenceState> sequenceState(UUID organizationId, UUID enrollmentId) {
        try {
            return Optional.of(client.newWorkflowStub(EmailSequenceWorkflow.class,
                    EmailSequenceWorkflow.idFor(organizationId.toString(), enrollmentId.toString())).state());
        } catch (RuntimeException gone) {
            return Optional.empty();
        }
    }

    private EmailApprovalWorkflow stub(UUID organizationId, UUID draftId) {
        return client.newWorkflowStub(EmailApprovalWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(EmailApprovalWorkflow.idFor(organizationId.toString(), draftId.toString()))
                .setTaskQueue(TaskQueues.MEETINGS)
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                .build());
    }
}
