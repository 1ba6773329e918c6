package dev.stellar.workflows.meeting;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Owns one meeting from captured transcript to stored insights.
 * Id: {@link MeetingWorkflowIds#of}; a second start with the same id is a no-op for the caller.
 */
@WorkflowInterface
public interface MeetingLifecycleWorkflow {

    @WorkflowMethod
    MeetingOutcome run(MeetingLifecycleInput input);

    /** Where the meeting is: each step's state and, after a failure, the reason. */
    @QueryMethod
    MeetingProgress progress();
}
