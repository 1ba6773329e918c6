package dev.stellar.workflows.trigger;

import dev.stellar.workflows.Errors;
import dev.stellar.workflows.trigger.TriggerActivities.ActionRef;
import dev.stellar.workflows.trigger.TriggerActivities.ActionResult;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;

public class TriggerRunWorkflowImpl implements TriggerRunWorkflow {

    /**
     * An action (a webhook that times out, a CRM outage) retries with backoff for up to an hour, on its own: one
     * failing action delays neither the others of this firing nor any other rule's.
     */
    private final TriggerActivities actions = Workflow.newActivityStub(TriggerActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(1))
                    .setScheduleToCloseTimeout(Duration.ofHours(1))
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setInitialInterval(Duration.ofSeconds(2))
                            .setMaximumInterval(Duration.ofMinutes(5))
                            .setDoNotRetry(Errors.typeNames())
                            .build())
                    .build());

    /** Recording outlasts any outage: a firing never ends without its log. */
    private final TriggerActivities log = Workflow.newActivityStub(TriggerActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(1))
                    .setScheduleToCloseTimeout(Duration.ofDays(7))
                    .build());

    @Override
    public FiringOutcome run(FiringInput input) {
        int done = 0;
        int failed = 0;
        for (int i = 0; i < input.actions(); i++) {
            ActionRef action = new ActionRef(input.organizationId(), input.firingId(), i);
            try {
                String detail = actions.runAction(action);
                log.recordAction(new ActionResult(input.organizationId(), input.firingId(), i, true, detail));
                done++;
            } catch (ActivityFailure e) {
                String reason = Errors.typedMessage(e).orElse("It kept failing for an hour; the worker's log has the details");
                log.recordAction(new ActionResult(input.organizationId(), input.firingId(), i, false, reason));
                failed++;
            }
        }
        return new FiringOutcome(done, failed);
    }
}
