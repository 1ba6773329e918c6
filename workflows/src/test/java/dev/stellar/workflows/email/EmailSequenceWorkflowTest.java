package dev.stellar.workflows.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stellar.workflows.email.EmailApprovalWorkflow.ApprovalDecision;
import dev.stellar.workflows.email.EmailApprovalWorkflow.Decision;
import dev.stellar.workflows.email.EmailSequenceWorkflow.PauseRequest;
import dev.stellar.workflows.email.EmailSequenceWorkflow.ResumeRequest;
import dev.stellar.workflows.email.EmailSequenceWorkflow.SequenceInput;
import dev.stellar.workflows.email.EmailSequenceWorkflow.SequenceOutcome;
import dev.stellar.workflows.email.EmailSequenceWorkflow.SequenceStage;
import dev.stellar.workflows.email.EmailSequenceWorkflow.StopReason;
import dev.stellar.workflows.email.EmailSequenceWorkflow.StopRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sequences on a skipping clock: a month of business-day timers runs in well under a second of test time. */
class EmailSequenceWorkflowTest {

    private static final SequenceInput INPUT = new SequenceInput("org-1", "enrollment-1");
    private static final String ID = EmailSequenceWorkflow.idFor("org-1", "enrollment-1");

    /** Three steps over 30 days, the last one reviewed before it goes out (a negative delay marks it). */
    private final RecordingSequenceActivities sequence = new RecordingSequenceActivities(List.of(
            Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(20).negated()));
    private final RecordingEmailActivities email = new RecordingEmailActivities();

    @RegisterExtension
    final TestWorkflowExtension temporal = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(EmailSequenceWorkflowImpl.class, EmailApprovalWorkflowImpl.class)
            .setActivityImplementations(sequence, email)
            .setDoNotStart(true)
            .build();

    @Test
    void aThirtyDaySequenceSendsEachStepOnceOnItsDayAndTheReviewedStepAfterApproval(TestWorkflowEnvironment env,
                                                                                     Worker worker) {
        email.stored = new ApprovalDecision(Decision.APPROVE, 0); // the rep approves the last step when it is drafted
        startAt(env);
        long enrolled = env.currentTimeMillis();

        SequenceOutcome outcome = sequence(env, worker).run(INPUT);

        assertThat(outcome.stage()).isEqualTo(SequenceStage.FINISHED);
        assertThat(sequence.calls).filteredOn(c -> c.startsWith("send:")).containsExactly(
                "send:0:" + ID + ":step:0", "send:1:" + ID + ":step:1");
        assertThat(sequence.calls).contains("draft:2").endsWith("finish:FINISHED");
        assertThat(email.calls).contains("open:step-draft-2", "deliver:email-approval:org-1:step-draft-2:send");
        assertThat(env.currentTimeMillis() - enrolled).isGreaterThanOrEqualTo(Duration.ofDays(30).toMillis());
    }

    @Test
    void aReplyStopsTheSequenceBeforeItsNextStep(TestWorkflowEnvironment env, Worker worker) {
        startAt(env);
        EmailSequenceWorkflow workflow = sequence(env, worker);
        WorkflowClient.start(workflow::run, INPUT);
        env.sleep(Duration.ofDays(4)); // step 0 went out on day 3
        assertThat(sequence.calls).filteredOn(c -> c.startsWith("send:")).hasSize(1);

        workflow.stop(new StopRequest(StopReason.REPLIED, "Dana replied: 'Let's talk Tuesday'"));
        SequenceOutcome outcome = WorkflowStub.fromTyped(workflow).getResult(SequenceOutcome.class);

        assertThat(outcome.stage()).isEqualTo(SequenceStage.STOPPED);
        assertThat(outcome.detail()).isEqualTo("REPLIED");
        assertThat(sequence.calls).filteredOn(c -> c.startsWith("send:")).hasSize(1);
        assertThat(sequence.calls).last().isEqualTo("finish:STOPPED:REPLIED");
    }

    @Test
    void aStepRefusedBecauseTheRowWasStoppedEndsTheSequence(TestWorkflowEnvironment env, Worker worker) {
        sequence.stopBeforeStep = 1;
        sequence.stopInTheRowBeforeStep = StopReason.REPLIED; // the poll marked the row, its signal was lost
        startAt(env);

        SequenceOutcome outcome = sequence(env, worker).run(INPUT);

        assertThat(outcome.stage()).isEqualTo(SequenceStage.STOPPED);
        assertThat(sequence.calls).filteredOn(c -> c.startsWith("send:")).hasSize(2);
        assertThat(sequence.calls).noneMatch(c -> c.startsWith("draft:"));
    }

    @Test
    void aPausedSequenceSendsNothingUntilResumedThenCatchesUp(TestWorkflowEnvironment env, Worker worker) {
        startAt(env);
        EmailSequenceWorkflow workflow = sequence(env, worker);
        WorkflowClient.start(workflow::run, INPUT);
        env.sleep(Duration.ofDays(1));
        workflow.pause(new PauseRequest("Maya Manager"));
        env.sleep(Duration.ofDays(10));
        assertThat(workflow.state().stage()).isEqualTo(SequenceStage.PAUSED);
        assertThat(sequence.calls).noneMatch(c -> c.startsWith("send:"));

        workflow.resume(new ResumeRequest("Maya Manager"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> sequence.calls.stream().anyMatch(c -> c.startsWith("send:0")));
        workflow.stop(new StopRequest(StopReason.MANUAL, "enough"));
        assertThat(WorkflowStub.fromTyped(workflow).getResult(SequenceOutcome.class).stage())
                .isEqualTo(SequenceStage.STOPPED);
    }

    @Test
    void stoppingWhileAStepWaitsForApprovalWithdrawsTheDraft(TestWorkflowEnvironment env, Worker worker) {
        RecordingSequenceActivities reviewed = sequence;
        reviewed.sent = 2; // only the reviewed step is left
        startAt(env);
        EmailSequenceWorkflow workflow = sequence(env, worker);
        WorkflowClient.start(workflow::run, INPUT);
        env.sleep(Duration.ofDays(21));
        await().atMost(Duration.ofSeconds(10)).until(() -> email.calls.contains("open:step-draft-2"));

        workflow.stop(new StopRequest(StopReason.UNSUBSCRIBED, "clicked unsubscribe"));
        WorkflowStub.fromTyped(workflow).getResult(SequenceOutcome.class);

        EmailApprovalWorkflow approval = env.getWorkflowClient().newWorkflowStub(EmailApprovalWorkflow.class,
                EmailApprovalWorkflow.idFor("org-1", "step-draft-2"));
        assertThat(WorkflowStub.fromTyped(approval).getResult(EmailApprovalWorkflow.ApprovalOutcome.class).stage())
                .isEqualTo(EmailApprovalWorkflow.ApprovalStage.REJECTED);
        assertThat(email.calls).noneMatch(c -> c.startsWith("deliver"));
    }

    private void startAt(TestWorkflowEnvironment env) {
        email.onSent = sequence::countApprovedStep;
        env.start();
        sequence.clock = env::currentTimeMillis;
        sequence.enrolledAt(env.currentTimeMillis());
    }

    private static EmailSequenceWorkflow sequence(TestWorkflowEnvironment env, Worker worker) {
        return env.getWorkflowClient().newWorkflowStub(EmailSequenceWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(ID)
                .setTaskQueue(worker.getTaskQueue())
                .build());
    }
}
