package dev.stellar.connectors.mail;

import java.time.Instant;
import java.util.List;

/**
 * A message found in a mailbox's inbox.
 *
 * @param uid        its IMAP UID, to read on from next time
 * @param from       the sender's address
 * @param inReplyTo  the Message-IDs it answers (angle brackets removed)
 * @param references the thread it belongs to (angle brackets removed)
 * @param bounce     for a delivery status notification (RFC 3464) that reports a failure, what failed; else {@code null}
 */
public record IncomingEmail(long uid, String messageId, String from, String subject, Instant receivedAt,
                            List<String> inReplyTo, List<String> references, Bounce bounce) {

    /** Every Message-ID this message points back to: what it replies to, its thread and, for a bounce, the original. */
    public List<String> threadIds() {
        List<String> ids = new java.util.ArrayList<>(inReplyTo);
        ids.addAll(references);
        if (bounce != null && bounce.originalMessageId() != null) {
            ids.add(bounce.originalMessageId());
        }
        return ids.stream().distinct().toList();
    }

    /**
     * @param failedRecipients the addresses the report says could not be delivered to
     * @param originalMessageId the Message-ID of the message that bounced, when the report includes its headers
     * @param diagnostic       the remote server's words, e.g. {@code 550 5.1.1 user unknown}
     */
    public record Bounce(List<String> failedRecipients, String originalMessageId, String diagnostic) {
    }
}
