package dev.stellar.connectors.mail;

/** Sends mail from a person's or an organisation's mailbox. */
public interface MailSender {

    /**
     * Hands the message to the mailbox's SMTP server and, when the mailbox can be read, files a copy in its Sent folder so
     * {@link MailboxReader#findSent} can tell later that it went out.
     *
     * @throws MailDeliveryException when the server does not accept it
     */
    void send(MailboxSettings mailbox, OutgoingEmail email);

    /** Logs in to both servers without sending anything: the "test connection" of a mailbox. */
    void verify(MailboxSettings mailbox);
}
