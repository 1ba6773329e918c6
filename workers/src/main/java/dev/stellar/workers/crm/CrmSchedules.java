package dev.stellar.workers.crm;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
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
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A pull of changed deals per CRM connection, on Quartz's clustered JDBC job store (one node fires each trigger; a
 * misfired pull after downtime runs once, not once per missed interval). Kept in step with the connections on start and
 * every five minutes.
 */
@Component
@EnableConfigurationProperties(CrmProperties.class)
public class CrmSchedules {

    static final String PULLS = "crm-pulls";
    private static final Logger log = LoggerFactory.getLogger(CrmSchedules.class);

    private final Scheduler scheduler;
    private final JdbcClient jdbc;
    private final CrmProperties properties;

    public CrmSchedules(Scheduler scheduler, JdbcClient jdbc, CrmProperties properties) {
        this.scheduler = scheduler;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT5M")
    public void reconcile() {
        record Crm(UUID organizationId, UUID id) {
        }
        Set<JobKey> wanted = new HashSet<>();
        for (Crm crm : jdbc.sql("select organization_id, id from connections where type in ('HUBSPOT', 'SALESFORCE')")
                .query((rs, i) -> new Crm(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list()) {
            schedule(crm.organizationId(), crm.id());
            wanted.add(pullKey(crm.id()));
        }
        try {
            for (JobKey existing : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(PULLS))) {
                if (!wanted.contains(existing)) {
                    scheduler.deleteJob(existing);
                }
            }
        } catch (SchedulerException e) {
            log.warn("Could not tidy the CRM pulls: {}", e.getMessage());
        }
    }

    /** Pulls the connection's changed deals from now on (a no-op when it is scheduled already). */
    public void schedule(UUID organizationId, UUID connectionId) {
        JobKey key = pullKey(connectionId);
        try {
            if (scheduler.checkExists(key)) {
                return;
            }
            JobDetail job = JobBuilder.newJob(CrmPullJob.class).withIdentity(key)
                    .usingJobData(CrmPullJob.ORGANIZATION, organizationId.toString())
                    .usingJobData(CrmPullJob.CONNECTION, connectionId.toString())
                    .storeDurably()
                    .build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(TriggerKey.triggerKey(key.getName(), PULLS))
                    .startNow()
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInMilliseconds(properties.pullInterval().toMillis())
                            .repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
            scheduler.scheduleJob(job, Set.of(trigger), true);
        } catch (SchedulerException e) {
            log.warn("Could not schedule the pull of CRM connection {}: {}", connectionId, e.getMessage());
        }
    }

    private static JobKey pullKey(UUID connectionId) {
        return JobKey.jobKey("crm-" + connectionId, PULLS);
    }
}
