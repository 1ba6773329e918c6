package dev.stellar.workers.email;

import dev.stellar.connectors.mail.MailDeliveryException;
import dev.stellar.connectors.mail.MailSender;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.account.Role;
import dev.stellar.workers.account.RoleRequiredException;
import dev.stellar.workers.email.Suppressions.Suppression;
import dev.stellar.workers.email.sink.LocalMailSink;
import dev.stellar.workers.email.sink.LocalMailSink.SinkMessage;
import dev.stellar.workers.secrets.SecretUnreadableException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Mailboxes as people manage them: everyone their own; ADMIN and OPS the organisation's shared one and the list of
 * suppressed addresses. Roles are checked here, whatever the edge.
 */
@Service
public class MailboxService {

    public static final Set<Role> ORGANISATION_EDITORS = Set.of(Role.ADMIN, Role.OPS);

    /** @param ok whether both servers let Stellar in; {@code message} says what failed */
    public record ConnectionCheck(boolean ok, String message) {
    }

    private final MailboxStore mailboxes;
    private final Suppressions suppressions;
    private final MailSender sender;
    private final ObjectProvider<LocalMailSink> sink;
    private final EmailSchedules schedules;
    private final ObjectProvider<MailboxPoller> poller;

    public MailboxService(MailboxStore mailboxes, Suppressions suppressions, MailSender sender,
                          ObjectProvider<LocalMailSink> sink, EmailSchedules schedules, ObjectProvider<MailboxPoller> poller) {
        this.poller = poller;
        this.schedules = schedules;
        this.mailboxes = mailboxes;
        this.suppressions = suppressions;
        this.sender = sender;
        this.sink = sink;
    }

    /** Whether this runtime has the local mail sink (the embedded default): mail goes nowhere else. */
    public boolean hasLocalSink() {
        return sink.getIfAvailable() != null;
    }

    /**
     * Demo only: the recipient answers a message in the local sink, and the sender's mailbox is read at once (instead of
     * at its next poll), so the sequence it answers stops before the person's eyes.
     */
    public MailboxPoller.PollResult replyInLocalSink(Caller caller, SinkMessage message, String recipient) {
        LocalMailSink local = sink.getIfAvailable();
        if (local == null) {
            throw new InvalidMailboxException("There is no local mail sink here: replies come from real mailboxes");
        }
        Mailbox sender = mailboxes.all(caller.organizationId()).stream()
                .filter(m -> m.address().equals(message.from())).findFirst()
                .orElseThrow(() -> new InvalidMailboxException(message.from() + " is not one of your organisation's mailboxes"));
        local.replyAs(message, recipient, "Thanks, this is " + recipient + ". Let's talk next week.");
        return poller.getObject().poll(caller.organizationId(), sender.id());
    }

    /** What the organisation's mailboxes sent into the local sink, newest first; empty without a sink. */
    public List<SinkMessage> localSink(Caller caller) {
        LocalMailSink local = sink.getIfAvailable();
        if (local == null) {
            return List.of();
        }
        Set<String> senders = mailboxes.all(caller.organizationId()).stream().map(Mailbox::address)
                .collect(java.util.stream.Collectors.toSet());
        return local.receivedFrom(senders);
    }

    /** @param organisation the organisation's shared mailbox rather than the caller's own */
    public Optional<Mailbox> find(Caller caller, boolean organisation) {
        return mailboxes.find(caller.organizationId(), organisation ? null : caller.userId());
    }

    /** @throws InvalidMailboxException naming what is wrong; nothing is saved */
    public Mailbox save(Caller caller, boolean organisation, MailboxForm form) {
        if (organisation) {
            requireEditor(caller, "changing the organisation's mailbox");
        }
        Mailbox saved = mailboxes.save(caller.organizationId(), organisation ? null : caller.userId(), form);
        schedules.mailboxSaved(caller.organizationId(), saved.id(), saved.imapHost() != null);
        return saved;
    }

    /** Logs in to SMTP (and IMAP, when set) with the stored settings, sending nothing. */
    public ConnectionCheck test(Caller caller, boolean organisation) {
        Mailbox mailbox = find(caller, organisation)
                .orElseThrow(() -> new InvalidMailboxException("There is no mailbox to test yet; save one first"));
        try {
            sender.verify(mailboxes.settings(caller.organizationId(), mailbox.id()));
            return new ConnectionCheck(true, "Connected to " + mailbox.smtpHost()
                    + (mailbox.imapHost() == null ? "" : " and " + mailbox.imapHost()));
        } catch (MailDeliveryException | SecretUnreadableException e) {
            return new ConnectionCheck(false, e.getMessage());
        }
    }

    public List<Suppression> suppressions(Caller caller) {
        return suppressions.all(caller.organizationId());
    }

    /** Stops all mail to an address at once, e.g. when a customer asked by phone. */
    public void suppress(Caller caller, String address, String note) {
        requireEditor(caller, "suppressing addresses");
        suppressions.suppress(caller.organizationId(), EmailAddresses.normalise(address, "the address"),
                Suppressions.Reason.MANUAL, note);
    }

    private static void requireEditor(Caller caller, String action) {
        if (!ORGANISATION_EDITORS.contains(caller.role())) {
            throw new RoleRequiredException(action, ORGANISATION_EDITORS);
        }
    }
}
