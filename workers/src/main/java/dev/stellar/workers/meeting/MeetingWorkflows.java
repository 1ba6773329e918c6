package dev.stellar.workers.meeting;

import dev.stellar.workflows.TaskQueues;
import dev.stellar.workflows.meeting.MeetingLifecycleInput;
import dev.stellar.workflows.meeting.MeetingLifecycleWorkflow;
import dev.stellar.workflows.meeting.MeetingProgress;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowQueryException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Starts and asks the lifecycle workflow of meetings; the only place that talks to Temporal about meetings. */
@Component
public class MeetingWorkflows {

    private static final Logger log = LoggerFactory.getLogger(MeetingWorkflows.class);

    private final WorkflowClient client;

    public MeetingWorkflows(WorkflowClient client) {
        this.client = client;
    }

    /**
     * Starts the meeting's workflow. Starting one that runs or has completed already (a duplicate
     * webhook, a resume) is not an error and starts nothing; one that failed is started afresh.
     *
     * @return {@code true} when this call started it
     */
    public boolean start(Meeting meeting) {
        MeetingLifecycleWorkflow workflow = client.newWorkflowStub(MeetingLifecycleWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(meeting.workflowId())
                        .setTaskQueue(TaskQueues.MEETINGS)
                        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY)
                        .build());
        try {
            WorkflowClient.start(workflow::run, new MeetingLifecycleInput(meeting.organizationId().toString(),
                    meeting.id().toString(), meeting.transcriptRef(), meeting.transcriptFileName()));
            return true;
        } catch (WorkflowExecutionAlreadyStarted already) {
            log.debug("Workflow {} exists already", meeting.workflowId());
            return false;
        }
    }

    /**
     * The workflow's progress; empty when it cannot be had — the workflow is gone (an in-process
     * service restarted) or Temporal does not answer. The meeting's stored status still tells the story.
     */
    public Optional<MeetingProgress> progress(Meeting meeting) {
        try {
            return Optional.of(client.newWorkflowStub(MeetingLifecycleWorkflow.class, meeting.workflowId()).progress());
        } catch (WorkflowNotFoundException | WorkflowQueryException gone) {
            return Optional.empty();
        } catch (RuntimeException unreachable) {
            log.debug("No progress for {}: {}", meeting.workflowId(), unreachable.getMessage());
            return Optional.empty();
        }
    }
}
