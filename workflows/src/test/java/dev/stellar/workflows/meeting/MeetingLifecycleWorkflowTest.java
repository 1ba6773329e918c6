package dev.stellar.workflows.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stellar.workflows.meeting.MeetingActivities.RecordStatusInput;
import static org.awaitility.Awaitility.await;

import dev.stellar.workflows.email.EmailApprovalWorkflow;
import dev.stellar.workflows.email.EmailApprovalWorkflow.ApprovalDecision;
import dev.stellar.workflows.email.EmailApprovalWorkflow.Decision;
import dev.stellar.workflows.crm.CrmSyncWorkflowImpl;
import dev.stellar.workflows.crm.RecordingCrmActivities;
import dev.stellar.workflows.email.EmailApprovalWorkflowImpl;
import dev.stellar.workflows.email.RecordingEmailActivities;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MeetingLifecycleWorkflowTest {

    private final RecordingMeetingActivities activities = new RecordingMeetingActivities();
    private final RecordingEmailActivities emailActivities = new RecordingEmailActivities();
    private final RecordingCrmActivities crmActivities = new RecordingCrmActivities();

    @RegisterExtension
    final TestWorkflowExtension temporal = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(MeetingLifecycleWorkflowImpl.class, EmailApprovalWorkflowImpl.class,
                    CrmSyncWorkflowImpl.class)
            .setActivityImplementations(activities, emailActivities, crmActivities)
            .setDoNotStart(true)
            .build();

    private static final MeetingLifecycleInput INPUT =
            new MeetingLifecycleInput("org-1", "meeting-1", "org-1/sha256-abc", "call.vtt");

    @Test
    void runsStepsInOrderAndReportsTheOutcome(TestWorkflowEnvironment env, Worker worker) {
        env.start();
        MeetingLifecycleWorkflow workflow = newWorkflow(env.getWorkflowClient(), worker, "meeting:org-1:upload:1");

        MeetingOutcome outcome = workflow.run(INPUT);

        assertThat(outcome).isEqualTo(new MeetingOutcome("meeting-1", 12, 2, 2));
        assertThat(activities.calls).hasSize(8)
                .startsWith("status:PROCESSING", "parse:org-1/sha256-abc")
                .endsWith("complete:2")
                .contains("extract", "metrics", "index", "coach:2", "draft:2"); // side by side, in either order
        assertThat(activities.calls.indexOf("coach:2")).as("coaching reads the extracted facts")
                .isGreaterThan(activities.calls.indexOf("extract"));
        MeetingProgress progress = workflow.progress();
        assertThat(progress.percent()).isEqualTo(100);
        assertThat(progress.steps()).extracting(MeetingProgress.StepProgress::step).as("no e-mail drafted, none to approve")
                .containsExactly(MeetingStep.PARSE, MeetingStep.EXTRACT, MeetingStep.METRICS, MeetingStep.INDEX,
                        MeetingStep.COACH, MeetingStep.DRAFT, MeetingStep.PERSIST, MeetingStep.SYNC);
        assertThat(crmActivities.calls).as("no CRM connected: nothing to review").containsExactly("propose:meeting-1");
        assertThat(progress.failure()).isNull();
        Histories.recordIfAsked(env.getWorkflowClient(), "meeting:org-1:upload:1", Histories.COMPLETED_WITH_AGENTS);
    }

    @Test
    void theDraftedFollowUpWaitsForTheRepsApprovalAfterTheResultsAreStored(TestWorkflowEnvironment env, Worker worker) {
        activities.emailDraftId = "draft-7";
        env.start();
        MeetingLifecycleWorkflow workflow = newWorkflow(env.getWorkflowClient(), worker, "meeting:org-1:upload:7");
        WorkflowClient.start(workflow::run, INPUT);

        EmailApprovalWorkflow approval = env.getWorkflowClient().newWorkflowStub(EmailApprovalWorkflow.class,
                EmailApprovalWorkflow.idFor("org-1", "draft-7"));
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> emailActivities.calls.contains("open:draft-7"));
        assertThat(activities.calls).as("the meeting's results do not wait for the rep").endsWith("complete:2");
        assertThat(workflow.progress().steps()).contains(
                new MeetingProgress.StepProgress(MeetingStep.PERSIST, StepState.DONE),
                new MeetingProgress.StepProgress(MeetingStep.REVIEW, StepState.RUNNING));

        env.sleep(java.time.Duration.ofHours(2));
        approval.decide(new ApprovalDecision(Decision.APPROVE, 0));
        WorkflowStub.fromTyped(workflow).getResult(MeetingOutcome.class);

        assertThat(emailActivities.calls).containsExactly("open:draft-7", "remind",
                "deliver:email-approval:org-1:draft-7:send", "enroll:draft-7");
        assertThat(workflow.progress().steps()).contains(new MeetingProgress.StepProgress(MeetingStep.REVIEW, StepState.DONE));
        Histories.recordIfAsked(env.getWorkflowClient(), "meeting:org-1:upload:7", Histories.COMPLETED_WITH_APPROVAL);
    }

    @Test
    void theCrmChangesWaitForTheirReviewBesideTheEmailAndTheMeetingEndsWhenBothAreDone(TestWorkflowEnvironment env,
                                                                                      Worker worker) {
        activities.emailDraftId = "draft-8";
        crmActivities.proposed = 3;
        crmActivities.waiting.set(2);
        env.start();
        MeetingLifecycleWorkflow workflow = newWorkflow(env.getWorkflowClient(), worker, "meeting:org-1:upload:8");
        WorkflowClient.start(workflow::run, INPUT);
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> emailActivities.calls.contains("open:draft-8"));
        assertThat(crmActivities.calls).containsExactly("propose:meeting-1");

        env.getWorkflowClient().newWorkflowStub(EmailApprovalWorkflow.class, EmailApprovalWorkflow.idFor("org-1", "draft-8"))
                .decide(new ApprovalDecision(Decision.REJECT, 0));
        env.sleep(java.time.Duration.ofMinutes(5));
        assertThat(workflow.progress().steps()).contains(
                new MeetingProgress.StepProgress(MeetingStep.REVIEW, StepState.DONE),
                new MeetingProgress.StepProgress(MeetingStep.SYNC, StepState.RUNNING));

        crmActivities.waiting.set(0);
        env.getWorkflowClient().newWorkflowStub(dev.stellar.workflows.crm.CrmSyncWorkflow.class,
                dev.stellar.workflows.crm.CrmSyncWorkflow.idFor("org-1", "meeting-1")).reviewed();
        WorkflowStub.fromTyped(workflow).getResult(MeetingOutcome.class);

        assertThat(crmActivities.calls).containsExactly("propose:meeting-1", "waiting", "apply");
        assertThat(workflow.progress().steps()).contains(new MeetingProgress.StepProgress(MeetingStep.SYNC, StepState.DONE));
        Histories.recordIfAsked(env.getWorkflowClient(), "meeting:org-1:upload:8", Histories.COMPLETED_WITH_CRM_SYNC);
    }

    @Test
    void aMeetingCapturedFromAPlatformFetchesItsTranscriptFirst(TestWorkflowEnvironment env, Worker worker) {
        env.start();
        MeetingLifecycleWorkflow workflow = newWorkflow(env.getWorkflowClient(), worker, "meeting:org-1:zoom:8");

        workflow.run(new MeetingLifecycleInput("org-1", "meeting-1", null, null));

        assertThat(activities.calls).startsWith("status:PROCESSING", "fetch:meeting-1", "parse:org-1/sha256-fetched");
        assertThat(workflow.progress().steps()).first()
                .isEqualTo(new MeetingProgress.StepProgress(MeetingStep.FETCH, StepState.DONE));
        Histories.recordIfAsked(env.getWorkflowClient(), "meeting:org-1:zoom:8", Histories.COMPLETED_WITH_FETCH);
    }

    @Test
    void anAgentThatKeepsFailingDoesNotHoldBackTheMeeting(TestWorkflowEnvironment env, Worker worker) {
        activities.coachingBroken = true;
        env.start();
        MeetingLifecycleWorkflow workflow = newWorkflow(env.getWorkflowClient(), worker, "meeting:org-1:upload:6");

        workflow.run(INPUT);

        assertThat(activities.calls.stream().filter("coach:2"::equals).count()).as("retried first").isGreaterThan(5);
        assertThat(activities.calls).endsWith("complete:2 without Score against the scorecard");
        assertThat(workflow.progress().steps()).contains(
                new MeetingProgress.StepProgress(MeetingStep.COACH, StepState.FAILED),
                new MeetingProgress.StepProgress(MeetingStep.PERSIST, StepState.DONE));
    }

    @Test
    void retriesTransientFailures(TestWorkflowEnvironment env, Worker worker) {
        activities.transientParseFailures = 2;
        env.start();

        newWorkflow(env.getWorkflowClient(), worker, "meeting:org-1:upload:2").run(INPUT);

        assertThat(activities.parseAttempts).hasValue(3);
        assertThat(activities.calls).endsWith("complete:2");
    }

    @Test
    void aMalformedTranscriptFailsAtOnceWithItsReasonRecorded(TestWorkflowEnvironment env, Worker worker) {
        activities.malformed = true;
        env.start();
        MeetingLifecycleWorkflow workflow = newWorkflow(env.getWorkflowClient(), worker, "meeting:org-1:upload:3");

        assertThatThrownBy(() -> workflow.run(INPUT))
                .isInstanceOf(WorkflowFailedException.class)
                .cause().isInstanceOf(ApplicationFailure.class)
                .hasMessageContaining("line 7: invalid cue timing");

        assertThat(activities.parseAttempts).as("non-retryable: one attempt").hasValue(1);
        assertThat(activities.calls).doesNotContain("extract");
        RecordStatusInput last = activities.statuses.get(activities.statuses.size() - 1);
        assertThat(last.status()).isEqualTo(MeetingStatus.FAILED);
        assertThat(last.reason()).isEqualTo("line 7: invalid cue timing '00:00:0x --> 00:00:05.000'");
        MeetingProgress progress = workflow.progress();
        assertThat(progress.steps()).extracting(MeetingProgress.StepProgress::state)
                .as("an upload has nothing to fetch").hasSize(MeetingStep.values().length - 1).startsWith(StepState.FAILED)
                .filteredOn(state -> state != StepState.FAILED).containsOnly(StepState.PENDING);
        assertThat(progress.failure()).contains("line 7");
        Histories.recordIfAsked(env.getWorkflowClient(), "meeting:org-1:upload:3", Histories.FAILED);
    }

    @Test
    void aStepThatKeepsFailingGivesUpAfterAnHourAndSaysSoWithoutInternals(TestWorkflowEnvironment env, Worker worker) {
        activities.transientParseFailures = Integer.MAX_VALUE; // "database briefly unavailable", for ever
        env.start();
        MeetingLifecycleWorkflow workflow = newWorkflow(env.getWorkflowClient(), worker, "meeting:org-1:upload:4");

        assertThatThrownBy(() -> workflow.run(INPUT)).isInstanceOf(WorkflowFailedException.class);

        assertThat(activities.parseAttempts.get()).as("retried with backoff for the hour").isGreaterThan(50);
        RecordStatusInput last = activities.statuses.get(activities.statuses.size() - 1);
        assertThat(last.status()).isEqualTo(MeetingStatus.FAILED);
        assertThat(last.reason()).isEqualTo("Parse transcript failed after retrying for an hour; the worker's log has the details")
                .doesNotContain("database briefly unavailable");
    }

    @Test
    void aSecondStartWithTheSameIdIsRejectedNotRunTwice(TestWorkflowEnvironment env, Worker worker) {
        env.start();
        WorkflowClient client = env.getWorkflowClient();
        String id = MeetingWorkflowIds.of("org-1", "ZOOM", "85012345678");
        assertThat(id).isEqualTo("meeting:org-1:zoom:85012345678");

        WorkflowClient.start(newWorkflow(client, worker, id)::run, INPUT);
        assertThatThrownBy(() -> WorkflowClient.start(newWorkflow(client, worker, id)::run, INPUT))
                .isInstanceOf(WorkflowExecutionAlreadyStarted.class);
        WorkflowStub.fromTyped(client.newWorkflowStub(MeetingLifecycleWorkflow.class, id)).getResult(MeetingOutcome.class);

        assertThat(activities.calls.stream().filter(c -> c.startsWith("parse"))).hasSize(1);
    }

    static MeetingLifecycleWorkflow newWorkflow(WorkflowClient client, Worker worker, String id) {
        return client.newWorkflowStub(MeetingLifecycleWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(id)
                .setTaskQueue(worker.getTaskQueue())
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .build());
    }
}
