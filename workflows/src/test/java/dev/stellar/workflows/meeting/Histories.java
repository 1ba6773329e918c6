package dev.stellar.workflows.meeting;

import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Recorded workflow histories for replay tests. Run the workflow tests with
 * {@code -Dstellar.recordHistories=true} to record them anew; commit the files only for a change
 * that is compatible (or guarded by {@code Workflow.getVersion}).
 */
final class Histories {

    /** Before conversation metrics: extraction alone (workflow version DEFAULT_VERSION). */
    static final String COMPLETED = "histories/meeting-lifecycle-completed.json";
    /** Extraction and conversation metrics side by side ("conversation-metrics" version 1). */
    static final String COMPLETED_WITH_METRICS = "histories/meeting-lifecycle-completed-metrics.json";
    /** Then indexing, coaching and drafting ("meeting-agents" version 1). */
    static final String COMPLETED_WITH_AGENTS = "histories/meeting-lifecycle-completed-agents.json";
    /** Completed, then the follow-up e-mail approved in its child workflow and sent. */
    static final String COMPLETED_WITH_APPROVAL = "histories/meeting-lifecycle-completed-approval.json";
    /** Captured from a platform: the transcript fetched first, then the agents (no e-mail drafted). */
    static final String COMPLETED_WITH_FETCH = "histories/meeting-lifecycle-completed-fetch.json";
    /** The CRM changes reviewed in a child workflow beside the e-mail's ("crm-sync"). */
    static final String COMPLETED_WITH_CRM_SYNC = "histories/meeting-lifecycle-completed-crm-sync.json";
    static final String FAILED = "histories/meeting-lifecycle-malformed-transcript.json";

    private Histories() {
    }

    static void recordIfAsked(WorkflowClient client, String workflowId, String resource) {
        if (!Boolean.getBoolean("stellar.recordHistories")) {
            return;
        }
        try {
            Path file = Path.of("src/test/resources").resolve(resource);
            Files.createDirectories(file.getParent());
            Files.writeString(file, client.fetchHistory(workflowId).toJson(true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
