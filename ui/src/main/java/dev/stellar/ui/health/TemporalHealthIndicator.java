package dev.stellar.ui.health;

import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** UP when the Temporal service answers within two seconds. */
@Component("temporal")
public class TemporalHealthIndicator extends AbstractHealthIndicator {

    private final WorkflowClient client;

    public TemporalHealthIndicator(WorkflowClient client) {
        super("Temporal is not reachable");
        this.client = client;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        var info = client.getWorkflowServiceStubs().blockingStub()
                .withDeadlineAfter(2, TimeUnit.SECONDS)
                .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
        builder.up().withDetail("serverVersion", info.getServerVersion());
    }
}
