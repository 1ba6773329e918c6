package dev.stellar.workers.email;

import java.util.UUID;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Quartz job: one mailbox's reply and bounce poll. Never two at once for the same mailbox, on any node. */
@DisallowConcurrentExecution
public class MailboxPollJob extends QuartzJobBean {

    static final String ORGANIZATION = "organizationId";
    static final String MAILBOX = "mailboxId";
    private static final Logger log = LoggerFactory.getLogger(MailboxPollJob.class);

    private MailboxPoller poller;

    @Autowired
    public void setPoller(MailboxPoller poller) {
        this.poller = poller;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        UUID organization = UUID.fromString(context.getMergedJobDataMap().getString(ORGANIZATION));
        UUID mailbox = UUID.fromString(context.getMergedJobDataMap().getString(MAILBOX));
        try {
            MailboxPoller.PollResult result = poller.poll(organization, mailbox);
            if (result.read() > 0) {
                log.info("Mailbox {}: {} new message(s), {} repl(ies), {} bounce(s), {} unsubscribe(s)", mailbox,
                        result.read(), result.replies(), result.bounces(), result.unsubscribes());
            }
        } catch (RuntimeException e) {
            // recorded on the mailbox (poll_error) and tried again at the next interval
            log.warn("Mailbox {} could not be polled: {}", mailbox, e.getMessage());
        }
    }
}
