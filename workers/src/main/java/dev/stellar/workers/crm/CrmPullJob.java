package dev.stellar.workers.crm;

import java.util.UUID;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Quartz job: one CRM connection's pull of changed deals. Never two at once for the same connection, on any node. */
@DisallowConcurrentExecution
public class CrmPullJob extends QuartzJobBean {

    static final String ORGANIZATION = "organizationId";
    static final String CONNECTION = "connectionId";
    private static final Logger log = LoggerFactory.getLogger(CrmPullJob.class);

    private CrmPuller puller;

    @Autowired
    public void setPuller(CrmPuller puller) {
        this.puller = puller;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        UUID organization = UUID.fromString(context.getMergedJobDataMap().getString(ORGANIZATION));
        UUID connection = UUID.fromString(context.getMergedJobDataMap().getString(CONNECTION));
        try {
            CrmPuller.Pulled pulled = puller.pull(organization, connection);
            if (pulled.changed() > 0) {
                log.info("CRM connection {}: {} deal(s) changed, {} event(s){}", connection, pulled.changed(),
                        pulled.events(), pulled.baseline() ? " (baseline)" : "");
            }
        } catch (RuntimeException e) {
            // noted on the connection (its last error) and tried again at the next interval
            log.warn("CRM connection {} could not be pulled: {}", connection, e.getMessage());
        }
    }
}
