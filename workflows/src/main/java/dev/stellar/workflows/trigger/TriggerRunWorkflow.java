package dev.stellar.workflows.trigger;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** A rule's firing for one event. Id: {@link #idFor}. */
@WorkflowInterface
public interface TriggerRunWorkflow {

    static String idFor(String organizationId, String firingId) {
        return "trigger-run:" + organizationId + ":" + firingId;
    }

    @WorkflowMethod
    FiringOutcome run(FiringInput input);

    record FiringInput(String organizationId, String firingId, int actions) {
    }

    /** @param failed actions that ended failed (their reasons are in the firing log) */
    record FiringOutcome(int done, int failed) {
    }
}
