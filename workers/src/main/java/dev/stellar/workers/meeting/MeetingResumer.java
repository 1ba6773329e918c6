package dev.stellar.workers.meeting;

import dev.stellar.workflows.meeting.MeetingStatus;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On a worker's start, restarts the workflow of every unfinished meeting whose workflow is gone (the
 * in-process Temporal service keeps state in memory). Steps are idempotent, so a rerun is safe; a
 * workflow that still runs (a real cluster) is left alone.
 */
@Component
@ConditionalOnProperty(name = "spring.temporal.start-workers", havingValue = "true", matchIfMissing = true)
public class MeetingResumer {

    private static final Logger log = LoggerFactory.getLogger(MeetingResumer.class);

    private final MeetingRepository meetings;
    private final MeetingWorkflows workflows;

    public MeetingResumer(MeetingRepository meetings, MeetingWorkflows workflows) {
        this.meetings = meetings;
        this.workflows = workflows;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void resumeUnfinished() {
        List<Meeting> unfinished = meetings.findByStatusIn(List.of(MeetingStatus.RECEIVED, MeetingStatus.PROCESSING));
        int resumed = 0;
        for (Meeting meeting : unfinished) {
            try {
                if (workflows.start(meeting)) {
                    resumed++;
                }
            } catch (RuntimeException e) {
                log.warn("Could not resume meeting {}: {}", meeting.id(), e.getMessage());
            }
        }
        if (resumed > 0) {
            log.info("Resumed {} unfinished meeting(s)", resumed);
        }
    }
}
