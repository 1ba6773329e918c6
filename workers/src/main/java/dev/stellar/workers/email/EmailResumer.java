package dev.stellar.workers.email;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes sure every waiting or approved draft has its approval workflow and every running enrollment its sequence
 * workflow: after the in-process Temporal service restarted (it keeps state in memory), or when a decision was stored
 * while Temporal did not answer. Starting one that runs is a no-op; a started one reads the stored state.
 */
@Component
@ConditionalOnProperty(name = "spring.temporal.start-workers", havingValue = "true", matchIfMissing = true)
public class EmailResumer {

    private static final Logger log = LoggerFactory.getLogger(EmailResumer.class);
    /** Leaves a fresh draft to the meeting workflow that starts its approval. */
    static final Duration QUIET_PERIOD = Duration.ofMinutes(1);

    private final ApprovalStore approvals;
    private final EnrollmentStore enrollments;
    private final EmailWorkflows workflows;

    public EmailResumer(ApprovalStore approvals, EnrollmentStore enrollments, EmailWorkflows workflows) {
        this.approvals = approvals;
        this.enrollments = enrollments;
        this.workflows = workflows;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
    public void resume() {
        int started = 0;
        for (ApprovalStore.DraftKey draft : approvals.unfinished(QUIET_PERIOD, 200)) {
            try {
                started += workflows.start(draft.organizationId(), draft.draftId()) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("Could not resume the approval of draft {}: {}", draft.draftId(), e.getMessage());
            }
        }
        for (Enrollment enrollment : enrollments.running(500)) {
            try {
                started += workflows.startSequence(enrollment.organizationId(), enrollment.id()) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("Could not resume sequence enrollment {}: {}", enrollment.id(), e.getMessage());
            }
        }
        if (started > 0) {
            log.info("Resumed {} e-mail workflow(s)", started);
        }
    }
}
