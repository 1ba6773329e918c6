package dev.stellar.workflows.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stellar.workflows.email.EmailActivities.Delivery;
import dev.stellar.workflows.email.EmailActivities.DeliveryResult;
import dev.stellar.workflows.email.EmailApprovalWorkflow.ApprovalDecision;
import dev.stellar.workflows.email.EmailApprovalWorkflow.ApprovalOutcome;
import dev.stellar.workflows.email.EmailApprovalWorkflow.ApprovalStage;
import dev.stellar.workflows.email.EmailApprovalWorkflow.Decision;
import dev.stellar.workflows.email.EmailApprovalWorkflow.EmailApprovalInput;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The approval's timing with a skipping clock: days of waiting run in milliseconds. */
class EmailApprovalWorkflowTest {

    private static final EmailApprovalInput INPUT = new EmailApprovalInput("org-1", "draft-1");

    private final RecordingEmailActivities activities = new RecordingEmailActivities();

    @RegisterExtension
    final TestWorkflowExtension temporal = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(EmailApprovalWorkflowImpl.class)
            .setActivityImplementations(activities)
            .setDoNotStart(true)
            .build();

    @Test
    void aDraftNobodyDecidesOnIsRemindedAboutThenExpires(TestWorkflowEnvironment env, Worker worker) {
        env.start();
        long started = env.currentTimeMillis();
        ApprovalOutcome outcome = approval(env, worker).run(INPUT);

        assertThat(outcome.stage()).isEqualTo(ApprovalStage.EXPIRED);
        assertThat(activities.calls).containsExactly("open:draft-1", "remind", "expire");
        assertThat(env.currentTimeMillis() - started).as("waited the whole week")
                .isGreaterThanOrEqualTo(Duration.ofDays(7).toMillis());
    }

    @Test
    void anApprovalScheduledForLaterSendsOnlyThenAndOnceWithTheWorkflowsKey(TestWorkflowEnvironment env, Worker worker) {
        env.start();
        EmailApprovalWorkflow workflow = approval(env, worker);
        WorkflowClient.start(workflow::run, INPUT);
        long sendAt = env.currentTimeMillis() + Duration.ofDays(2).toMillis();

        env.sleep(Duration.ofMinutes(10));
        workflow.decide(new ApprovalDecision(Decision.APPROVE, sendAt));
        env.sleep(Duration.ofHours(1));
        assertThat(workflow.state().stage()).isEqualTo(ApprovalStage.SCHEDULED);
        assertThat(activities.calls).doesNotContain("remind").noneMatch(c -> c.startsWith("deliver"));

        ApprovalOutcome outcome = WorkflowStub.fromTyped(workflow).getResult(ApprovalOutcome.class);
        assertThat(outcome.stage()).isEqualTo(ApprovalStage.SENT);
        assertThat(env.currentTimeMillis()).isGreaterThanOrEqualTo(sendAt);
        assertThat(activities.calls).containsExactly("open:draft-1", "deliver:email-approval:org-1:draft-1:send",
                "enroll:draft-1");
    }

    @Test
    void aMailboxAtItsCapSendsInItsNextWindowAndAServerOutageIsRetried(TestWorkflowEnvironment env, Worker worker) {
        activities.stored = new ApprovalDecision(Decision.APPROVE, 0); // decided before this run started
        long tomorrow = System.currentTimeMillis() + Duration.ofHours(20).toMillis();
        activities.deliveries.add(new DeliveryResult(Delivery.DEFERRED, tomorrow, "daily cap reached"));
        activities.transientFailures = 3;
        env.start();

        ApprovalOutcome outcome = approval(env, worker).run(INPUT);

        assertThat(outcome.stage()).isEqualTo(ApprovalStage.SENT);
        assertThat(activities.calls).filteredOn(c -> c.startsWith("deliver")).hasSize(5) // deferred, 3 failures, sent
                .allMatch(c -> c.equals("deliver:email-approval:org-1:draft-1:send"));
        assertThat(env.currentTimeMillis()).isGreaterThanOrEqualTo(tomorrow);
    }

    @Test
    void aRejectedDraftIsNeverSent(TestWorkflowEnvironment env, Worker worker) {
        env.start();
        EmailApprovalWorkflow workflow = approval(env, worker);
        WorkflowClient.start(workflow::run, INPUT);
        workflow.decide(new ApprovalDecision(Decision.REJECT, 0));

        assertThat(WorkflowStub.fromTyped(workflow).getResult(ApprovalOutcome.class).stage())
                .isEqualTo(ApprovalStage.REJECTED);
        assertThat(activities.calls).containsExactly("open:draft-1");
    }

    @Test
    void aMessageTheServerRefusesForGoodFailsAtOnceWithTheServersWords(TestWorkflowEnvironment env, Worker worker) {
        activities.stored = new ApprovalDecision(Decision.APPROVE, 0);
        activities.rejectedByServer = true;
        env.start();

        ApprovalOutcome outcome = approval(env, worker).run(INPUT);

        assertThat(outcome.stage()).isEqualTo(ApprovalStage.FAILED);
        assertThat(outcome.detail()).contains("550 no such user");
        assertThat(activities.calls).filteredOn(c -> c.startsWith("deliver")).as("not retried").hasSize(1);
        assertThat(activities.calls).last().asString().startsWith("failed:");
    }

    private static EmailApprovalWorkflow approval(TestWorkflowEnvironment env, Worker worker) {
        return env.getWorkflowClient().newWorkflowStub(EmailApprovalWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(EmailApprovalWorkflow.idFor("org-1", "draft-1"))
                .setTaskQueue(worker.getTaskQueue())
                .build());
    }
}
