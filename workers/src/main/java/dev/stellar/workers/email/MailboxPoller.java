package dev.stellar.workers.email;

import dev.stellar.connectors.mail.IncomingEmail;
import dev.stellar.connectors.mail.MailboxReader;
import dev.stellar.connectors.mail.MailboxReader.Inbox;
import dev.stellar.workflows.email.EmailSequenceWorkflow.StopReason;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads what arrived in a mailbox's inbox since the last poll: a reply stops the sequences it answers (in their thread,
 * or simply from their contact), a bounce report suppresses the address and stops its sequences, and a mailto
 * unsubscribe suppresses its sender's address. Where it read up to is kept on the mailbox, so every message counts once.
 */
@Service
public class MailboxPoller {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);
    private static final int BATCH = 200;

    /** @param replies replies that stopped a sequence; @param bounces bounced addresses */
    public record PollResult(int read, int replies, int bounces, int unsubscribes) {
    }

    private final MailboxStore mailboxes;
    private final MailboxReader reader;
    private final EnrollmentStore enrollments;
    private final Suppressions suppressions;
    private final Sequences sequences;
    private final JdbcClient jdbc;
    private final Clock clock;

    public MailboxPoller(MailboxStore mailboxes, MailboxReader reader, EnrollmentStore enrollments, Suppressions suppressions,
                         Sequences sequences, JdbcClient jdbc, Clock clock) {
        this.mailboxes = mailboxes;
        this.reader = reader;
        this.enrollments = enrollments;
        this.suppressions = suppressions;
        this.sequences = sequences;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public PollResult poll(UUID organizationId, UUID mailboxId) {
        record Position(long validity, long lastUid) {
        }
        Position position = jdbc.sql("select inbox_uid_validity, inbox_last_uid from mailboxes where id = ? and organization_id = ?")
                .params(mailboxId, organizationId)
                .query((rs, i) -> new Position(rs.getLong(1), rs.getLong(2))).optional()
                .orElseThrow(() -> new InvalidMailboxException("the mailbox no longer exists"));
        Inbox inbox;
        try {
            inbox = reader.readInbox(mailboxes.settings(organizationId, mailboxId), position.validity(), position.lastUid(),
                    BATCH);
        } catch (RuntimeException e) {
            jdbc.sql("update mailboxes set poll_error = ?, last_polled_at = ? where id = ? and organization_id = ?")
                    .params(e.getMessage(), Timestamp.from(clock.instant()), mailboxId, organizationId).update();
            throw e;
        }
        int replies = 0;
        int bounces = 0;
        int unsubscribes = 0;
        long lastUid = inbox.uidValidity() == position.validity() ? position.lastUid() : 0;
        for (IncomingEmail message : inbox.messages()) {
            Matcher unsubscribe = message.subject() == null ? null : UnsubscribeLinks.MAILTO_SUBJECT.matcher(message.subject());
            if (message.bounce() != null) {
                bounces += bounced(organizationId, message);
            } else if (unsubscribe != null && unsubscribe.matches()) {
                unsubscribes += sequences.unsubscribe(unsubscribe.group(1)).isPresent() ? 1 : 0;
            } else {
                replies += replied(organizationId, message);
            }
            lastUid = Math.max(lastUid, message.uid());
        }
        jdbc.sql("""
                        update mailboxes set inbox_uid_validity = ?, inbox_last_uid = ?, last_polled_at = ?, poll_error = null
                        where id = ? and organization_id = ?""")
                .params(inbox.uidValidity(), lastUid, Timestamp.from(clock.instant()), mailboxId, organizationId).update();
        return new PollResult(inbox.messages().size(), replies, bounces, unsubscribes);
    }

    private int bounced(UUID organizationId, IncomingEmail message) {
        List<String> failed = message.bounce().failedRecipients();
        for (String address : failed) {
            suppressions.suppress(organizationId, address, Suppressions.Reason.BOUNCED, message.bounce().diagnostic());
        }
        sequences.stopAll(organizationId, failed, StopReason.BOUNCED,
                message.bounce().diagnostic() == null ? "the address bounced" : message.bounce().diagnostic());
        return failed.size();
    }

    private int replied(UUID organizationId, IncomingEmail message) {
        List<Enrollment> answered = enrollments.answeredBy(organizationId, message.from(), message.threadIds());
        for (Enrollment enrollment : answered) {
            sequences.stop(organizationId, enrollment.id(), StopReason.REPLIED,
                    message.from() + " replied" + (message.subject() == null ? "" : ": " + message.subject()));
        }
        if (!answered.isEmpty()) {
            log.info("A reply from {} stopped {} sequence(s)", message.from(), answered.size());
        }
        return answered.size();
    }
}
