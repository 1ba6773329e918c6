package dev.stellar.workflows.email;

import dev.stellar.workflows.Errors;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/** How e-mail workflows call their activities: the same rules for approvals and sequences. */
final class EmailActivityOptions {

    private EmailActivityOptions() {
    }

    /** Bookkeeping (reading a policy, recording a state): retried with backoff until the database answers. */
    static ActivityOptions bookkeeping() {
        return ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(1))
                .setRetryOptions(RetryOptions.newBuilder()
                        .setInitialInterval(Duration.ofSeconds(1))
                        .setMaximumInterval(Duration.ofMinutes(5))
                        .setDoNotRetry(Errors.typeNames())
                        .build())
                .build();
    }

    /**
     * Sending to a person: retried with backoff for about two hours (a mail server outage), then given up visibly rather
     * than surprising the customer days later. Each attempt is cheap to repeat: the activity checks what went out first.
     */
    static ActivityOptions sending() {
        return ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(2))
                .setRetryOptions(RetryOptions.newBuilder()
                        .setInitialInterval(Duration.ofSeconds(5))
                        .setBackoffCoefficient(2)
                        .setMaximumInterval(Duration.ofMinutes(30))
                        .setMaximumAttempts(12)
                        .setDoNotRetry(Errors.typeNames())
                        .build())
                .build();
    }
}
