package dev.stellar.connectors.mail;

import java.util.List;

/** Reads a mailbox over IMAP. */
public interface MailboxReader {

    /** Whether the Sent folder holds a message with this Message-ID (without angle brackets). */
    boolean findSent(MailboxSettings mailbox, String messageId);

    /**
     * Inbox messages after {@code afterUid}, oldest first, at most {@code limit}.
     *
     * @param uidValidity the inbox's UIDVALIDITY when {@code afterUid} was read; when it changed, UIDs restart and all
     *                    messages are new again
     */
    Inbox readInbox(MailboxSettings mailbox, long uidValidity, long afterUid, int limit);

    /** What {@link #readInbox} found, and the UIDVALIDITY to pass next time. */
    record Inbox(long uidValidity, List<IncomingEmail> messages) {
    }
}
