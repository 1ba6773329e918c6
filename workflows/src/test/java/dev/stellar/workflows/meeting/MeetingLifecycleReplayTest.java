package dev.stellar.workflows.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Today's workflow code must replay yesterday's histories: a failure here means an incompatible change. */
class MeetingLifecycleReplayTest {

    @ParameterizedTest
    @ValueSource(strings = {Histories.COMPLETED, Histories.COMPLETED_WITH_METRICS, Histories.COMPLETED_WITH_AGENTS,
            Histories.COMPLETED_WITH_APPROVAL, Histories.COMPLETED_WITH_FETCH, Histories.COMPLETED_WITH_CRM_SYNC,
            Histories.FAILED})
    void replaysRecordedHistory(String resource) throws Exception {
        String json = read(resource);
        assertThat(json).contains("MeetingLifecycleWorkflow");
        WorkflowReplayer.replayWorkflowExecution(json, MeetingLifecycleWorkflowImpl.class);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = MeetingLifecycleReplayTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing recorded history " + resource
                        + "; record it with -Dstellar.recordHistories=true");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
