package dev.stellar.connectors.mail;

import dev.stellar.connectors.mail.IncomingEmail.Bounce;
import dev.stellar.connectors.mail.MailboxSettings.Auth;
import dev.stellar.connectors.mail.MailboxSettings.Security;
import dev.stellar.connectors.mail.MailboxSettings.Server;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.HeaderTerm;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SMTP and IMAP with Jakarta Mail. One connection per call: sends are rare and must not share state across tenants. */
public class JakartaMailbox implements MailSender, MailboxReader {

    private static final Logger log = LoggerFactory.getLogger(JakartaMailbox.class);
    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+)>");

    private final Duration timeout;

    public JakartaMailbox(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void send(MailboxSettings mailbox, OutgoingEmail email) {
        Session session = session(mailbox);
        MimeMessage message;
        try {
            message = compose(session, mailbox, email);
        } catch (AddressException e) {
            throw new MailDeliveryException("Not an e-mail address: " + e.getRef(), true, List.of(e.getRef()), e);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailDeliveryException("Could not compose the message: " + e.getMessage(), true, List.of(), e);
        }
        Server smtp = mailbox.smtp();
        try (Transport transport = session.getTransport(smtp.security() == Security.SSL ? "smtps" : "smtp")) {
            transport.connect(smtp.host(), smtp.port(), mailbox.username(), mailbox.secret());
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            throw deliveryFailure(smtp, e);
        }
        if (mailbox.canRead()) {
            fileInSent(session, mailbox, message);
        }
    }

    @Override
    public void verify(MailboxSettings mailbox) {
        Session session = session(mailbox);
        Server smtp = mailbox.smtp();
        try (Transport transport = session.getTransport(smtp.security() == Security.SSL ? "smtps" : "smtp")) {
            transport.connect(smtp.host(), smtp.port(), mailbox.username(), mailbox.secret());
        } catch (MessagingException e) {
            throw deliveryFailure(smtp, e);
        }
        if (mailbox.canRead()) {
            try (Store store = connectImap(session, mailbox)) {
                store.getFolder("INBOX").exists();
            } catch (MessagingException e) {
                throw deliveryFailure(mailbox.imap(), e);
            }
        }
    }

    @Override
    public boolean findSent(MailboxSettings mailbox, String messageId) {
        requireImap(mailbox);
        try (Store store = connectImap(session(mailbox), mailbox)) {
            Folder sent = sentFolder(store, false);
            if (sent == null) {
                return false;
            }
            sent.open(Folder.READ_ONLY);
            try {
                for (Message found : sent.search(new HeaderTerm("Message-ID", messageId))) {
                    if (messageId.equals(firstId(header(found, "Message-ID")))) { // the search matches substrings
                        return true;
                    }
                }
                return false;
            } finally {
                sent.close(false);
            }
        } catch (MessagingException e) {
            throw deliveryFailure(mailbox.imap(), e);
        }
    }

    @Override
    public Inbox readInbox(MailboxSettings mailbox, long uidValidity, long afterUid, int limit) {
        requireImap(mailbox);
        try (Store store = connectImap(session(mailbox), mailbox)) {
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                long validity = inbox.getUIDValidity();
                long after = validity == uidValidity ? afterUid : 0;
                Message[] found = inbox.getMessagesByUID(after + 1, UIDFolder.MAXUID);
                FetchProfile profile = new FetchProfile();
                profile.add(FetchProfile.Item.ENVELOPE);
                profile.add(UIDFolder.FetchProfileItem.UID);
                profile.add("In-Reply-To");
                profile.add("References");
                inbox.fetch(found, profile);
                List<IncomingEmail> messages = new ArrayList<>();
                for (Message message : found) {
                    long uid = inbox.getUID(message);
                    if (uid > after && messages.size() < limit) { // "n:*" returns the last message even below n
                        messages.add(read(uid, message));
                    }
                }
                return new Inbox(validity, messages);
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException | IOException e) {
            throw deliveryFailure(mailbox.imap(), e);
        }
    }

    private MimeMessage compose(Session session, MailboxSettings mailbox, OutgoingEmail email)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + email.messageId() + ">"); // the caller's id, so a resend is the same message
            }
        };
        message.setFrom(new InternetAddress(mailbox.address(), mailbox.displayName(), "UTF-8"));
        message.setRecipients(Message.RecipientType.TO, addresses(email.to()));
        if (!email.cc().isEmpty()) {
            message.setRecipients(Message.RecipientType.CC, addresses(email.cc()));
        }
        message.setSubject(email.subject(), "UTF-8");
        message.setText(email.body(), "UTF-8");
        message.setSentDate(new Date());
        if (email.inReplyTo() != null) {
            message.setHeader("In-Reply-To", "<" + email.inReplyTo() + ">");
        }
        if (!email.references().isEmpty()) {
            message.setHeader("References", String.join(" ", email.references().stream().map(id -> "<" + id + ">").toList()));
        }
        for (Map.Entry<String, String> header : email.headers().entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
        message.saveChanges();
        return message;
    }

    private static InternetAddress[] addresses(List<String> list) throws AddressException {
        InternetAddress[] result = new InternetAddress[list.size()];
        for (int i = 0; i < list.size(); i++) {
            result[i] = new InternetAddress(list.get(i), true);
        }
        return result;
    }

    /** Files the sent message where {@link #findSent} looks; the message is out, so a failure here is only logged. */
    private void fileInSent(Session session, MailboxSettings mailbox, MimeMessage message) {
        try (Store store = connectImap(session, mailbox)) {
            Folder sent = sentFolder(store, true);
            message.setFlag(jakarta.mail.Flags.Flag.SEEN, true);
            sent.appendMessages(new Message[] {message});
        } catch (MessagingException e) {
            log.warn("Sent from {} but could not file a copy in its Sent folder: {}", mailbox.address(), e.getMessage());
        }
    }

    /** The folder marked {@code \Sent} (RFC 6154), else one called Sent, created when asked to. */
    private static Folder sentFolder(Store store, boolean create) throws MessagingException {
        for (Folder folder : store.getDefaultFolder().list("*")) {
            if (folder instanceof IMAPFolder imap && Arrays.asList(imap.getAttributes()).contains("\\Sent")) {
                return folder;
            }
        }
        Folder sent = store.getFolder("Sent");
        if (sent.exists()) {
            return sent;
        }
        if (create && sent.create(Folder.HOLDS_MESSAGES)) {
            return sent;
        }
        return null;
    }

    private IncomingEmail read(long uid, Message message) throws MessagingException, IOException {
        String from = message.getFrom() == null || message.getFrom().length == 0 ? null
                : ((InternetAddress) message.getFrom()[0]).getAddress();
        Date received = message.getReceivedDate() != null ? message.getReceivedDate() : message.getSentDate();
        return new IncomingEmail(uid, firstId(header(message, "Message-ID")), from, message.getSubject(),
                received == null ? null : received.toInstant(), ids(header(message, "In-Reply-To")),
                ids(header(message, "References")), bounceOf(message));
    }

    /** A delivery status notification (RFC 3464) that reports at least one failed recipient, else {@code null}. */
    private static Bounce bounceOf(Message message) throws MessagingException, IOException {
        if (!message.isMimeType("multipart/report") || !(message.getContent() instanceof Multipart report)) {
            return null;
        }
        List<String> failed = new ArrayList<>();
        String diagnostic = null;
        String original = null;
        for (int i = 0; i < report.getCount(); i++) {
            Part part = report.getBodyPart(i);
            if (part.isMimeType("message/delivery-status")) {
                for (String block : text(part).split("\\r?\\n\\s*\\r?\\n")) {
                    InternetHeaders fields = new InternetHeaders(
                            new java.io.ByteArrayInputStream((block.strip() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8)));
                    String action = fields.getHeader("Action", null);
                    String recipient = fields.getHeader("Final-Recipient", null);
                    if (action != null && action.strip().toLowerCase(Locale.ROOT).startsWith("failed") && recipient != null) {
                        failed.add(recipient.substring(recipient.indexOf(';') + 1).strip().toLowerCase(Locale.ROOT));
                        String code = fields.getHeader("Diagnostic-Code", null);
                        diagnostic = code == null ? fields.getHeader("Status", null)
                                : code.substring(code.indexOf(';') + 1).strip();
                    }
                }
            } else if (part.isMimeType("message/rfc822") || part.isMimeType("text/rfc822-headers")) {
                try (InputStream in = part.getInputStream()) {
                    original = firstId(new InternetHeaders(in).getHeader("Message-ID", null));
                }
            }
        }
        return failed.isEmpty() ? null : new Bounce(failed, original, diagnostic);
    }

    private static String text(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static String header(Message message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null || values.length == 0 ? null : String.join(" ", values);
    }

    static List<String> ids(String header) {
        if (header == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        Matcher matcher = MESSAGE_ID.matcher(header);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    private static String firstId(String header) {
        List<String> ids = ids(header);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private Store connectImap(Session session, MailboxSettings mailbox) throws MessagingException {
        Server imap = mailbox.imap();
        Store store = session.getStore(imap.security() == Security.SSL ? "imaps" : "imap");
        store.connect(imap.host(), imap.port(), mailbox.username(), mailbox.secret());
        return store;
    }

    private static void requireImap(MailboxSettings mailbox) {
        if (!mailbox.canRead()) {
            throw new MailDeliveryException("Mailbox " + mailbox.address() + " has no IMAP server to read", true, List.of(),
                    null);
        }
    }

    private Session session(MailboxSettings mailbox) {
        Properties props = new Properties();
        String millis = Long.toString(timeout.toMillis());
        for (String protocol : List.of("smtp", "smtps", "imap", "imaps")) {
            props.put("mail." + protocol + ".connectiontimeout", millis);
            props.put("mail." + protocol + ".timeout", millis);
            props.put("mail." + protocol + ".writetimeout", millis);
            if (mailbox.auth() == Auth.XOAUTH2) {
                props.put("mail." + protocol + ".auth.mechanisms", "XOAUTH2");
            }
        }
        props.put("mail.smtp.auth", Boolean.toString(mailbox.username() != null));
        props.put("mail.smtps.auth", Boolean.toString(mailbox.username() != null));
        props.put("mail.smtp.from", mailbox.address());
        props.put("mail.smtps.from", mailbox.address());
        if (mailbox.smtp().security() == Security.STARTTLS) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        if (mailbox.imap() != null && mailbox.imap().security() == Security.STARTTLS) {
            props.put("mail.imap.starttls.enable", "true");
            props.put("mail.imap.starttls.required", "true");
        }
        return Session.getInstance(props);
    }

    /** Permanent when the server refused the login or an address with a 5xx reply; otherwise worth another try. */
    private static MailDeliveryException deliveryFailure(Server server, Exception e) {
        String where = server.host() + ":" + server.port();
        if (e instanceof AuthenticationFailedException) {
            return new MailDeliveryException(where + " refused the login: " + e.getMessage(), true, List.of(), e);
        }
        if (e instanceof SendFailedException failed) {
            List<String> rejected = new ArrayList<>();
            boolean permanent = false;
            for (Exception next = failed; next != null; next = next instanceof MessagingException m ? m.getNextException() : null) {
                if (next instanceof SMTPAddressFailedException address) {
                    rejected.add(address.getAddress().getAddress());
                    permanent |= address.getReturnCode() >= 500;
                } else if (next instanceof SMTPSendFailedException send) {
                    permanent |= send.getReturnCode() >= 500;
                }
            }
            if (failed.getInvalidAddresses() != null) {
                for (var address : failed.getInvalidAddresses()) {
                    if (!rejected.contains(((InternetAddress) address).getAddress())) {
                        rejected.add(((InternetAddress) address).getAddress());
                    }
                }
            }
            String message = rejected.isEmpty() ? where + " did not accept the message: " + e.getMessage()
                    : where + " rejected " + String.join(", ", rejected) + ": " + e.getMessage();
            return new MailDeliveryException(message.strip(), permanent, rejected, e);
        }
        return new MailDeliveryException(where + " is unreachable or failed: " + e.getMessage(), false, List.of(), e);
    }
}
