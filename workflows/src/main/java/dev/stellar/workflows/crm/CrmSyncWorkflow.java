package dev.stellar.workflows.crm;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One meeting's CRM changes, for every CRM the organisation connected. Id: {@link #idFor}. Decisions are stored by the
 * application before it signals, so the workflow reads them rather than trusting the signal's order.
 */
@WorkflowInterface
public interface CrmSyncWorkflow {

    static String idFor(String organizationId, String meetingId) {
        return "crm-sync:" + organizationId + ":" + meetingId;
    }

    @WorkflowMethod
    CrmSyncOutcome run(CrmSyncInput input);

    /** A person decided some of the meeting's changes: look again. */
    @SignalMethod
    void reviewed();

    @QueryMethod
    CrmSyncOutcome state();

    record CrmSyncInput(String organizationId, String meetingId) {
    }

    /**
     * @param applied changes written to the CRM
     * @param failed  changes the CRM refused (their reasons are on each change)
     */
    record CrmSyncOutcome(CrmSyncStage stage, int applied, int failed, String detail) {
    }

    enum CrmSyncStage { PROPOSING, WAITING, APPLYING, SYNCED, NOTHING_TO_SYNC, FAILED }
}
