package dev.stellar.workflows.crm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stellar.workflows.crm.CrmSyncWorkflow.CrmSyncInput;
import dev.stellar.workflows.crm.CrmSyncWorkflow.CrmSyncOutcome;
import dev.stellar.workflows.crm.CrmSyncWorkflow.CrmSyncStage;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CrmSyncWorkflowTest {

    private final RecordingCrmActivities activities = new RecordingCrmActivities();

    @RegisterExtension
    final TestWorkflowExtension temporal = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(CrmSyncWorkflowImpl.class)
            .setActivityImplementations(activities)
            .build();

    private CrmSyncWorkflow start(WorkflowClient client, Worker worker) {
        CrmSyncWorkflow sync = client.newWorkflowStub(CrmSyncWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(CrmSyncWorkflow.idFor("org-1", "meeting-1"))
                .setTaskQueue(worker.getTaskQueue())
                .build());
        WorkflowClient.start(sync::run, new CrmSyncInput("org-1", "meeting-1"));
        return sync;
    }

    @Test
    void anOrganisationWithoutACrmHasNothingToSync(WorkflowClient client, Worker worker) {
        CrmSyncOutcome outcome = client.newWorkflowStub(CrmSyncWorkflow.class, WorkflowOptions.newBuilder()
                        .setTaskQueue(worker.getTaskQueue()).build())
                .run(new CrmSyncInput("org-1", "meeting-1"));

        assertThat(outcome.stage()).isEqualTo(CrmSyncStage.NOTHING_TO_SYNC);
        assertThat(activities.calls).containsExactly("propose:meeting-1");
    }

    @Test
    void changesApprovedByPolicyAreAppliedWithoutWaiting(WorkflowClient client, Worker worker) {
        activities.proposed = 3;

        CrmSyncOutcome outcome = client.newWorkflowStub(CrmSyncWorkflow.class, WorkflowOptions.newBuilder()
                        .setTaskQueue(worker.getTaskQueue()).build())
                .run(new CrmSyncInput("org-1", "meeting-1"));

        assertThat(outcome).isEqualTo(new CrmSyncOutcome(CrmSyncStage.SYNCED, 3, 0, null));
        assertThat(activities.calls).containsExactly("propose:meeting-1", "apply");
    }

    @Test
    void waitsForEveryChangeToBeDecidedThenApplies(TestWorkflowEnvironment env, WorkflowClient client, Worker worker) {
        activities.proposed = 2;
        activities.waiting.set(2);
        CrmSyncWorkflow sync = start(client, worker);
        env.sleep(Duration.ofHours(1));
        assertThat(sync.state().stage()).isEqualTo(CrmSyncStage.WAITING);

        activities.waiting.set(1);
        sync.reviewed();
        env.sleep(Duration.ofMinutes(1));
        assertThat(activities.calls).doesNotContain("apply");

        activities.waiting.set(0);
        sync.reviewed();
        CrmSyncOutcome outcome = client.newUntypedWorkflowStub(CrmSyncWorkflow.idFor("org-1", "meeting-1"))
                .getResult(CrmSyncOutcome.class);

        assertThat(outcome.stage()).isEqualTo(CrmSyncStage.SYNCED);
        assertThat(activities.calls).containsExactly("propose:meeting-1", "waiting", "waiting", "apply");
    }

    @Test
    void undecidedChangesAreEscalatedThenExpireAndTheApprovedOnesStillGoOut(TestWorkflowEnvironment env,
            WorkflowClient client, Worker worker) {
        activities.proposed = 2;
        activities.waiting.set(1);
        start(client, worker);

        env.sleep(Duration.ofHours(25));
        assertThat(activities.calls).containsExactly("propose:meeting-1", "escalate");

        env.sleep(Duration.ofDays(7));
        assertThat(activities.calls).containsExactly("propose:meeting-1", "escalate", "expire", "apply");
    }

    @Test
    void aCrmOutageIsRetriedUntilItPasses(WorkflowClient client, Worker worker) {
        activities.proposed = 1;
        activities.outages = 3;

        CrmSyncOutcome outcome = client.newWorkflowStub(CrmSyncWorkflow.class, WorkflowOptions.newBuilder()
                        .setTaskQueue(worker.getTaskQueue()).build())
                .run(new CrmSyncInput("org-1", "meeting-1"));

        assertThat(outcome.stage()).isEqualTo(CrmSyncStage.SYNCED);
        assertThat(activities.calls).filteredOn("apply"::equals).hasSize(4);
    }

    @Test
    void aCrmThatRefusesForGoodFailsTheSyncAtOnceInItsOwnWords(WorkflowClient client, Worker worker) {
        activities.proposed = 1;
        activities.refused = true;

        CrmSyncOutcome outcome = client.newWorkflowStub(CrmSyncWorkflow.class, WorkflowOptions.newBuilder()
                        .setTaskQueue(worker.getTaskQueue()).build())
                .run(new CrmSyncInput("org-1", "meeting-1"));

        assertThat(outcome.stage()).isEqualTo(CrmSyncStage.FAILED);
        assertThat(outcome.detail()).isEqualTo("HubSpot refused the connection's token (401): expired");
        assertThat(activities.calls).filteredOn("apply"::equals).as("not retried").hasSize(1);
    }

    @Test
    void aCrmThatStaysDownForADayFailsTheSyncVisibly(WorkflowClient client, Worker worker) {
        activities.proposed = 1;
        activities.crmDown = true;

        CrmSyncOutcome outcome = client.newWorkflowStub(CrmSyncWorkflow.class, WorkflowOptions.newBuilder()
                        .setTaskQueue(worker.getTaskQueue()).build())
                .run(new CrmSyncInput("org-1", "meeting-1"));

        assertThat(outcome.stage()).isEqualTo(CrmSyncStage.FAILED);
        assertThat(activities.calls).last().asString().startsWith("failed:The CRM could not be reached after retrying");
    }
}
