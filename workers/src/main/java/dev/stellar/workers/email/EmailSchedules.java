package dev.stellar.workers.email;

import java.util.HashSet;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * E-mail's time-based work that is no workflow timer, on Quartz's clustered JDBC job store (one node fires each trigger):
 * a reply and bounce poll per mailbox that can be read, and the managers' daily digest. Kept in step with the mailboxes
 * on start, every five minutes, and whenever a mailbox is saved.
 */
@Component
public class EmailSchedules {

    static final String POLLS = "mailbox-polls";
    static final JobKey DIGEST = JobKey.jobKey("daily-digest", "email");
    private static final Logger log = LoggerFactory.getLogger(EmailSchedules.class);

    private final Scheduler scheduler;
    private final JdbcClient jdbc;
    private final EmailProperties properties;

    public EmailSchedules(Scheduler scheduler, JdbcClient jdbc, EmailProperties properties) {
        this.scheduler = scheduler;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Polls the mailbox's inbox from now on, or stops polling one that has no IMAP server (any more). */
    public void mailboxSaved(UUID organizationId, UUID mailboxId, boolean readable) {
        try {
            JobKey key = pollKey(mailboxId);
            if (!readable) {
                scheduler.deleteJob(key);
            } else if (!scheduler.checkExists(key)) {
                JobDetail job = JobBuilder.newJob(MailboxPollJob.class).withIdentity(key)
                        .usingJobData(MailboxPollJob.ORGANIZATION, organizationId.toString())
                        .usingJobData(MailboxPollJob.MAILBOX, mailboxId.toString())
                        .storeDurably()
                        .build();
                Trigger trigger = TriggerBuilder.newTrigger().withIdentity(TriggerKey.triggerKey(key.getName(), POLLS))
                        .startNow()
                        .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                                .withIntervalInMilliseconds(properties.pollInterval().toMillis())
                                .repeatForever()
                                .withMisfireHandlingInstructionNextWithRemainingCount())
                        .build();
                scheduler.scheduleJob(job, Set.of(trigger), true);
            }
        } catch (SchedulerException e) {
            log.warn("Could not schedule the poll of mailbox {}: {}", mailboxId, e.getMessage());
        }
    }

    public boolean polls(UUID mailboxId) throws SchedulerException {
        return scheduler.checkExists(pollKey(mailboxId));
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20) // after the demo data, whose mailboxes it polls
    public void onStart() {
        reconcile();
        scheduleDigest();
    }

    /** Every readable mailbox polled, no poll left for a mailbox that is gone or cannot be read. */
    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT5M")
    public void reconcile() {
        record Box(UUID organizationId, UUID id) {
        }
        Set<JobKey> wanted = new HashSet<>();
        for (Box box : jdbc.sql("select organization_id, id from mailboxes where imap_host is not null")
                .query((rs, i) -> new Box(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list()) {
            mailboxSaved(box.organizationId(), box.id(), true);
            wanted.add(pollKey(box.id()));
        }
        try {
            for (JobKey existing : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(POLLS))) {
                if (!wanted.contains(existing)) {
                    scheduler.deleteJob(existing);
                }
            }
        } catch (SchedulerException e) {
            log.warn("Could not tidy the mailbox polls: {}", e.getMessage());
        }
    }

    private void scheduleDigest() {
        try {
            JobDetail job = JobBuilder.newJob(DailyDigestJob.class).withIdentity(DIGEST).storeDurably().build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(TriggerKey.triggerKey(DIGEST.getName(), DIGEST.getGroup()))
                    .withSchedule(CronScheduleBuilder.cronSchedule(properties.digestCron())
                            .inTimeZone(TimeZone.getTimeZone(properties.digestZone()))
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build();
            scheduler.scheduleJob(job, Set.of(trigger), true); // replaces: the cron may have been reconfigured
        } catch (SchedulerException e) {
            log.warn("Could not schedule the daily digest: {}", e.getMessage());
        }
    }

    private static JobKey pollKey(UUID mailboxId) {
        return JobKey.jobKey("mailbox-" + mailboxId, POLLS);
    }
}
