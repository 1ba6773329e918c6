package dev.stellar.workers.email;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Quartz job: the managers' daily digest, once per day across all nodes. */
@DisallowConcurrentExecution
public class DailyDigestJob extends QuartzJobBean {

    private DailyDigest digest;

    @Autowired
    public void setDigest(DailyDigest digest) {
        this.digest = digest;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        digest.sendForYesterday();
    }
}
