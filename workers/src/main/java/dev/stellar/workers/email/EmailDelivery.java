package dev.stellar.workers.email;

import dev.stellar.connectors.mail.MailDeliveryException;
import dev.stellar.connectors.mail.MailSender;
import dev.stellar.connectors.mail.MailboxReader;
import dev.stellar.connectors.mail.MailboxSettings;
import dev.stellar.connectors.mail.OutgoingEmail;
import dev.stellar.workers.persistence.JsonColumns;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends each message once per idempotency key, whatever retries or crashes happen around it:
 * <ol>
 *   <li>the key's row in {@code outbound_emails} is created (or found: SENT means done);</li>
 *   <li>a row an earlier attempt already tried may have reached the server before that attempt died, so the mailbox's
 *       Sent folder is asked for the Message-ID first (a mailbox without IMAP is sent again with the same Message-ID,
 *       which receiving servers treat as the same message);</li>
 *   <li>a slot within the mailbox's daily cap and spacing is taken under the mailbox row's lock, or the send is deferred
 *       to when one opens;</li>
 *   <li>the message goes to the SMTP server, and its row becomes SENT.</li>
 * </ol>
 */
@Service
public class EmailDelivery {

    private static final Logger log = LoggerFactory.getLogger(EmailDelivery.class);

    /**
     * @param draftId      the draft it sends, or {@code null} (a sequence step sent without review, a notice to a user)
     * @param inReplyTo    the Message-ID this one answers, or {@code null}
     * @param references   the thread's Message-IDs, oldest first
     * @param enrollmentId the sequence enrollment it belongs to, or {@code null}
     */
    public record Request(UUID organizationId, String idempotencyKey, UUID mailboxId, UUID draftId, List<String> to,
                          List<String> cc, String subject, String body, Map<String, String> headers, String inReplyTo,
                          List<String> references, UUID enrollmentId) {

        public Request(UUID organizationId, String idempotencyKey, UUID mailboxId, UUID draftId, List<String> to,
                       List<String> cc, String subject, String body, Map<String, String> headers) {
            this(organizationId, idempotencyKey, mailboxId, draftId, to, cc, subject, body, headers, null, List.of(), null);
        }
    }

    public sealed interface Outcome {
    }

    /** @param messageId without angle brackets */
    public record Sent(String messageId, boolean earlier) implements Outcome {
    }

    public record Deferred(Instant until, String reason) implements Outcome {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final MailboxStore mailboxes;
    private final MailSender sender;
    private final MailboxReader reader;
    private final JsonColumns json;
    private final Clock clock;

    public EmailDelivery(JdbcClient jdbc, TransactionTemplate transaction, MailboxStore mailboxes, MailSender sender,
                         MailboxReader reader, JsonColumns json, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.mailboxes = mailboxes;
        this.sender = sender;
        this.reader = reader;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @throws EmailRejectedException when the server refused it for good (recorded as FAILED)
     * @throws MailDeliveryException  when the server could not be reached; try again later
     */
    public Outcome deliver(Request request) {
        MailboxSettings mailbox = mailboxes.settings(request.organizationId(), request.mailboxId());
        String messageId = messageIdOf(request.idempotencyKey(), mailbox.address());
        Row row = transaction.execute(status -> claim(request, messageId));
        if (row.status().equals("SENT")) {
            return new Sent(row.messageId(), true);
        }
        if (row.status().equals("FAILED")) {
            throw new EmailRejectedException(row.lastError(), List.of());
        }
        if (row.attempts() > 0 && mailbox.canRead() && reader.findSent(mailbox, row.messageId())) {
            log.info("Message {} went out on an earlier attempt; recording it instead of sending again", row.messageId());
            markSent(request.organizationId(), row.id());
            return new Sent(row.messageId(), true);
        }
        Optional<Instant> notBefore = transaction.execute(status -> {
            Optional<Instant> wait = mailboxes.takeSlot(request.organizationId(), request.mailboxId());
            if (wait.isEmpty()) {
                jdbc.sql("update outbound_emails set attempts = attempts + 1 where id = ?").params(row.id()).update();
            }
            return wait;
        });
        if (notBefore.isPresent()) {
            return new Deferred(notBefore.get(), "The mailbox " + mailbox.address()
                    + " reached its daily cap or spacing; it sends at " + notBefore.get());
        }
        try {
            sender.send(mailbox, new OutgoingEmail(row.messageId(), request.to(), request.cc(), request.subject(),
                    request.body(), request.inReplyTo(), request.references(), request.headers()));
        } catch (MailDeliveryException e) {
            record(request.organizationId(), row.id(), e.permanent() ? "FAILED" : "SENDING", e.getMessage());
            if (e.permanent()) {
                throw new EmailRejectedException(e.getMessage(), e.rejectedAddresses());
            }
            throw e;
        }
        markSent(request.organizationId(), row.id());
        return new Sent(row.messageId(), false);
    }

    /** What happened to a key's message so far, for people: status, attempts, the last error. */
    public Optional<Attempt> attempt(UUID organizationId, String idempotencyKey) {
        return jdbc.sql("select status, attempts, last_error, message_id, sent_at from outbound_emails"
                        + " where organization_id = ? and idempotency_key = ?")
                .params(organizationId, idempotencyKey)
                .query((rs, i) -> new Attempt(rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"),
                        rs.getString("message_id"),
                        rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant()))
                .optional();
    }

    public record Attempt(String status, int attempts, String lastError, String messageId, Instant sentAt) {
    }

    /** A Message-ID from the key: the same key always names the same message. */
    static String messageIdOf(String idempotencyKey, String senderAddress) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return "stellar." + HexFormat.of().formatHex(hash, 0, 16) + "@" + EmailAddresses.domainOf(senderAddress);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Row(UUID id, String messageId, String status, int attempts, String lastError) {
    }

    private Row claim(Request request, String messageId) {
        jdbc.sql("""
                        insert into outbound_emails (id, organization_id, idempotency_key, message_id, mailbox_id, draft_id,
                                                     recipients, subject, status, created_at, enrollment_id)
                        values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, 'SENDING', ?, ?)
                        on conflict (idempotency_key) do nothing""")
                .params(UUID.randomUUID(), request.organizationId(), request.idempotencyKey(), messageId,
                        request.mailboxId(), request.draftId(), json.write(request.to()), request.subject(),
                        Timestamp.from(clock.instant()), request.enrollmentId())
                .update();
        return jdbc.sql("""
                        select id, message_id, status, attempts, last_error from outbound_emails
                        where organization_id = ? and idempotency_key = ?""")
                .params(request.organizationId(), request.idempotencyKey())
                .query((rs, i) -> new Row(rs.getObject("id", UUID.class), rs.getString("message_id"),
                        rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error")))
                .single();
    }

    private void markSent(UUID organizationId, UUID rowId) {
        jdbc.sql("update outbound_emails set status = 'SENT', sent_at = ?, last_error = null where id = ? and organization_id = ?")
                .params(Timestamp.from(clock.instant()), rowId, organizationId).update();
    }

    private void record(UUID organizationId, UUID rowId, String status, String error) {
        jdbc.sql("update outbound_emails set status = ?, last_error = ? where id = ? and organization_id = ?")
                .params(status, error, rowId, organizationId).update();
    }
}
