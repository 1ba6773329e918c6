package dev.stellar.workers.crm;

import dev.stellar.workflows.crm.CrmSyncWorkflow;
import io.temporal.client.WorkflowClient;
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
