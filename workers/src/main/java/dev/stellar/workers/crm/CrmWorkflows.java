package dev.stellar.workers.crm;

import dev.stellar.workflows.crm.CrmSyncWorkflow;
import dev.stellar.workflows.TaskQueues;
import dev.stellar.workflows.crm.CrmSyncWorkflow.CrmSyncInput;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The only code that talks to Temporal about CRM sync. */
@Component
public class CrmWorkflows {

    private static final Logger log = LoggerFactory.getLogger(CrmWorkflows.class);

    private final WorkflowClient client;

    public CrmWorkflows(WorkflowClient client) {
        this.client = client;
    }

    /**
     * Proposes the meeting's changes afresh (a CRM connected after the meeting was analysed, or a mapping changed).
     *
     * @return whether this call started it; {@code false} when a sync of the meeting is still running
     */
    public boolean start(UUID organizationId, UUID meetingId) {
        CrmSyncWorkflow workflow = client.newWorkflowStub(CrmSyncWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(CrmSyncWorkflow.idFor(organizationId.toString(), meetingId.toString()))
                .setTaskQueue(TaskQueues.MEETINGS)
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                .build());
        try {
            WorkflowClient.start(workflow::run, new CrmSyncInput(organizationId.toString(), meetingId.toString()));
            return true;
        } catch (WorkflowExecutionAlreadyStarted already) {
            return false;
        }
    }

    /**
     * Wakes the meeting's sync about decisions already stored. A sync that no longer runs (expired, or from before CRM
     * sync existed) is fine: the decisions stay stored, and the next sync of the meeting reads them.
     */
    public void reviewed(UUID organizationId, UUID meetingId) {
        try {
            client.newWorkflowStub(CrmSyncWorkflow.class, CrmSyncWorkflow.idFor(organizationId.toString(),
                    meetingId.toString())).reviewed();
        } catch (RuntimeException e) {
            log.info("CRM decisions on meeting {} stored; no sync is waiting for them: {}", meetingId, e.getMessage());
        }
    }
}
