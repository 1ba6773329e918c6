package dev.stellar.workers.meeting;

import dev.stellar.workflows.meeting.MeetingStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes sure no meeting stays RECEIVED or PROCESSING without a workflow: on a worker's start (the
 * in-process Temporal service keeps its state in memory) and every minute after (an upload whose
 * workflow could not be started because Temporal was unreachable). Starting is idempotent: a workflow
 * that runs is left alone, and every step rewrites rather than duplicates.
 */
@Component
@ConditionalOnProperty(name = "spring.temporal.start-workers", havingValue = "true", matchIfMissing = true)
public class MeetingResumer {

    /** Leaves fresh meetings to the request that created them. */
    static final Duration QUIET_PERIOD = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(MeetingResumer.class);
    private static final List<MeetingStatus> UNFINISHED = List.of(MeetingStatus.RECEIVED, MeetingStatus.PROCESSING);

    private final MeetingRepository meetings;
    private final MeetingWorkflows workflows;
    private final Clock clock;

    public MeetingResumer(MeetingRepository meetings, MeetingWorkflows workflows, Clock clock) {
        this.meetings = meetings;
        this.workflows = workflows;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void resumeAfterStart() {
        resume(clock.instant());
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
    public void resumeStalled() {
        resume(clock.instant().minus(QUIET_PERIOD));
    }

    /** Starts the workflow of every unfinished meeting last touched before the given time; returns how many started. */
    int resume(Instant untouchedSince) {
        int resumed = 0;
        for (Meeting meeting : meetings.findTop200ByStatusInAndUpdatedAtBeforeOrderByUpdatedAt(UNFINISHED, untouchedSince)) {
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
        return resumed;
    }
}
