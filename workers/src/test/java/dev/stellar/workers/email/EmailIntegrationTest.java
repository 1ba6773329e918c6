package dev.stellar.workers.email;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.stellar.connectors.mail.MailboxSettings.Security;
import dev.stellar.workers.WorkersIntegrationTest;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.email.InboxItem.DraftStatus;
import dev.stellar.workers.meeting.Attendee;
import dev.stellar.workers.meeting.MeetingService;
import dev.stellar.workers.meeting.MeetingSummary;
import dev.stellar.workers.meeting.UploadRequest;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of the e-mail integration tests: the real embedded runtime, and GreenMail as the organisation's SMTP and IMAP
 * server (every address a mailbox on it).
 */
abstract class EmailIntegrationTest extends WorkersIntegrationTest {

    protected static final Duration ANALYSIS = Duration.ofSeconds(90);
    protected static final String PASSWORD = "app-password";

    @RegisterExtension
    static GreenMailExtension mailServer = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @Autowired
    protected MeetingService meetings;
    @Autowired
    protected EmailInbox inbox;
    @Autowired
    protected MailboxService mailboxService;
    @Autowired
    protected MailboxStore mailboxes;

    /** The rep's own mailbox on the test mail server, polled for replies. */
    protected Mailbox connectMailbox(Caller rep, int smtpPort) {
        mailServer.setUser(rep.email(), rep.email(), PASSWORD);
        return mailboxService.save(rep, false, form(rep, smtpPort, null, null, null));
    }

    protected MailboxForm form(Caller rep, int smtpPort, Integer cap, Integer spacing, String zone) {
        return new MailboxForm(rep.email(), rep.displayName(), "127.0.0.1", smtpPort, Security.NONE, "127.0.0.1",
                mailServer.getImap().getPort(), Security.NONE, rep.email(), PASSWORD, null, cap,
                spacing == null ? 0 : spacing, zone);
    }

    /** Uploads the Chen consultation with the Chens as attendees and waits for its follow-up to wait for approval. */
    protected InboxItem draftedFollowUp(Caller rep) throws Exception {
        return draftedFollowUp(rep, List.of(new Attendee("Riley Rep", rep.email()),
                new Attendee("Margaret Chen", "margaret.chen@example.com"),
                new Attendee("David Chen", "David.Chen@Example.com")));
    }

    protected InboxItem draftedFollowUp(Caller rep, List<Attendee> attendees) throws Exception {
        MeetingSummary meeting = meetings.upload(rep, new UploadRequest("chen.txt", fixture("/demo/estate-planning-chen.txt"),
                "Chen consultation", Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC, "estate-planning",
                attendees));
        return await().atMost(ANALYSIS).pollInterval(Duration.ofMillis(200))
                .until(() -> inbox.inbox(rep, List.of(DraftStatus.DRAFT)).stream()
                        .filter(d -> d.meetingId().equals(meeting.id()) && d.expiresAt() != null).findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    protected InboxItem awaitStatus(Caller rep, UUID draftId, DraftStatus status) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> inbox.item(rep, draftId), d -> d.status() == status);
    }

    /** What reached the address's inbox (the sender's Sent folder holds copies too). */
    protected static List<MimeMessage> delivered(String address) throws Exception {
        var user = mailServer.getUserManager().getUserByEmail(address);
        if (user == null) {
            return List.of();
        }
        List<MimeMessage> messages = new ArrayList<>();
        for (var stored : mailServer.getManagers().getImapHostManager().getInbox(user).getMessages()) {
            messages.add(stored.getMimeMessage());
        }
        return messages;
    }

    /** Puts a raw message (headers, blank line, body) into the rep's inbox, as a customer's server would. */
    protected static void deliverToRep(Caller rep, String raw) throws Exception {
        MimeMessage message = new MimeMessage(GreenMailUtil.getSession(ServerSetupTest.SMTP),
                new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
        mailServer.getUserManager().getUser(rep.email()).deliver(message);
    }

    protected static byte[] fixture(String resource) throws Exception {
        try (InputStream in = EmailIntegrationTest.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
