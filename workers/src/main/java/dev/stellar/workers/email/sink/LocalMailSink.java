package dev.stellar.workers.email.sink;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * SMTP and IMAP on loopback, on free ports, holding everything in memory: mail "sent" in the demo lands here, and each
 * mailbox's Sent folder and inbox are real IMAP folders. Nothing is delivered anywhere else.
 */
@Component
@ConditionalOnProperty(name = "stellar.mail.local-sink.enabled", havingValue = "true")
public class LocalMailSink implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LocalMailSink.class);

    /** A message the sink received over SMTP. */
    public record SinkMessage(String messageId, String from, List<String> to, String subject, Instant receivedAt,
                              Map<String, String> headers, String body) {
    }

    private final GreenMail greenMail;

    public LocalMailSink() {
        greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});
        greenMail.start();
        log.info("Local mail sink (demo) on 127.0.0.1: SMTP {}, IMAP {}; nothing sent here leaves this machine",
                smtpPort(), imapPort());
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** Lets a mailbox log in to the sink, as SMTP and IMAP of a real provider would. */
    public void addMailbox(String address, String login, String password) {
        greenMail.setUser(address, login, password);
    }

    /**
     * What was delivered from any of the given senders, once per message however many recipients it had, newest first.
     * Only inboxes count: a mailbox's Sent folder holds its own copies.
     */
    public List<SinkMessage> receivedFrom(Set<String> senders) {
        Map<String, SinkMessage> byId = new LinkedHashMap<>();
        for (GreenMailUser user : greenMail.getUserManager().listUser()) {
            try {
                for (StoredMessage stored : greenMail.getManagers().getImapHostManager().getInbox(user).getMessages()) {
                    SinkMessage read = read(stored.getMimeMessage());
                    if (read.from() != null && senders.contains(read.from())) {
                        byId.putIfAbsent(read.messageId() == null ? UUID.randomUUID().toString() : read.messageId(), read);
                    }
                }
            } catch (MessagingException | FolderException e) {
                log.debug("Unreadable mail in the sink: {}", e.getMessage());
            }
        }
        List<SinkMessage> result = new ArrayList<>(byId.values());
        result.sort(Comparator.comparing(SinkMessage::receivedAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return result;
    }

    /**
     * Delivers a reply from one of the message's recipients into its sender's inbox, in its thread: how a demo shows a
     * sequence stopping when the customer answers.
     */
    public void replyAs(SinkMessage original, String recipient, String text) {
        try {
            MimeMessage reply = new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()));
            reply.setFrom(new InternetAddress(recipient));
            reply.setRecipients(jakarta.mail.Message.RecipientType.TO, original.from());
            reply.setSubject(original.subject() != null && original.subject().startsWith("Re:") ? original.subject()
                    : "Re: " + original.subject(), "UTF-8");
            reply.setText(text, "UTF-8");
            reply.setSentDate(new java.util.Date());
            reply.setHeader("In-Reply-To", original.messageId());
            String references = original.headers().getOrDefault("References", "");
            reply.setHeader("References", (references + " " + original.messageId()).strip());
            reply.saveChanges();
            GreenMailUser sender = greenMail.getUserManager().getUserByEmail(original.from());
            if (sender == null) {
                throw new IllegalStateException("the sink has no mailbox " + original.from());
            }
            sender.deliver(reply);
        } catch (MessagingException e) {
            throw new IllegalStateException("could not write the reply: " + e.getMessage(), e);
        }
    }

    private static SinkMessage read(MimeMessage message) throws MessagingException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (var header : Collections.list(message.getAllHeaders())) {
            headers.merge(header.getName(), header.getValue(), (a, b) -> a + ", " + b);
        }
        Address[] from = message.getFrom();
        Address[] to = message.getAllRecipients();
        return new SinkMessage(message.getMessageID(),
                from == null || from.length == 0 ? null : ((InternetAddress) from[0]).getAddress().toLowerCase(Locale.ROOT),
                to == null ? List.of() : Arrays.stream(to).map(a -> ((InternetAddress) a).getAddress()).toList(),
                message.getSubject(), message.getReceivedDate() != null ? message.getReceivedDate().toInstant()
                        : message.getSentDate() == null ? null : message.getSentDate().toInstant(),
                headers, GreenMailUtil.getBody(message));
    }

    @Override
    public void destroy() {
        greenMail.stop();
    }
}
