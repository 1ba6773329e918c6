package dev.stellar.connectors.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.stellar.connectors.mail.MailboxSettings.Security;
import dev.stellar.connectors.mail.MailboxSettings.Server;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Real SMTP and IMAP against GreenMail. */
class JakartaMailboxTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP_IMAP);

    private final JakartaMailbox mail = new JakartaMailbox(Duration.ofSeconds(5));
    private MailboxSettings rep;

    @BeforeEach
    void mailbox() {
        greenMail.setUser("riley@seller.test", "riley", "secret");
        rep = new MailboxSettings("riley@seller.test", "Riley Rep",
                new Server("127.0.0.1", greenMail.getSmtp().getPort(), Security.NONE),
                new Server("127.0.0.1", greenMail.getImap().getPort(), Security.NONE), "riley", "secret", null);
    }

    @Test
    void sendsWithTheCallersMessageIdAndHeadersAndFilesACopyInSent() throws Exception {
        mail.send(rep, new OutgoingEmail("follow-up.42@stellar.test", List.of("pat@buyer.test"), List.of(),
                "Thanks for today, Pat", "Hi Pat,\n\nhere is what we agreed. Grüße", "root.1@stellar.test",
                List.of("root.1@stellar.test"), Map.of("List-Unsubscribe", "<https://stellar.test/u/abc>",
                        "List-Unsubscribe-Post", "List-Unsubscribe=One-Click")));

        MimeMessage received = greenMail.getReceivedMessagesForDomain("buyer.test")[0];
        assertThat(received.getMessageID()).isEqualTo("<follow-up.42@stellar.test>");
        assertThat(received.getHeader("In-Reply-To", null)).isEqualTo("<root.1@stellar.test>");
        assertThat(received.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(received.getFrom()[0].toString()).isEqualTo("Riley Rep <riley@seller.test>");
        assertThat(received.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("pat@buyer.test");
        assertThat(GreenMailUtil.getBody(received)).contains("here is what we agreed");

        assertThat(mail.findSent(rep, "follow-up.42@stellar.test")).isTrue();
        assertThat(mail.findSent(rep, "follow-up.43@stellar.test")).isFalse();
    }

    @Test
    void readsRepliesWithTheirThreadAndOnlyNewOnesAfterAUid() throws Exception {
        deliverToRep("""
                From: Pat <pat@buyer.test>
                To: riley@seller.test
                Subject: Re: Thanks for today
                Message-ID: <reply.1@buyer.test>
                In-Reply-To: <follow-up.42@stellar.test>
                References: <root.1@stellar.test> <follow-up.42@stellar.test>

                Sounds good, talk Tuesday.
                """);
        MailboxReader.Inbox first = mail.readInbox(rep, 0, 0, 50);
        assertThat(first.messages()).singleElement().satisfies(reply -> {
            assertThat(reply.from()).isEqualTo("pat@buyer.test");
            assertThat(reply.messageId()).isEqualTo("reply.1@buyer.test");
            assertThat(reply.inReplyTo()).containsExactly("follow-up.42@stellar.test");
            assertThat(reply.threadIds()).containsExactly("follow-up.42@stellar.test", "root.1@stellar.test");
            assertThat(reply.bounce()).isNull();
        });

        long lastUid = first.messages().get(0).uid();
        assertThat(mail.readInbox(rep, first.uidValidity(), lastUid, 50).messages()).isEmpty();
        assertThat(mail.readInbox(rep, first.uidValidity() + 1, lastUid, 50).messages())
                .as("a changed UIDVALIDITY starts again from the beginning").hasSize(1);
    }

    @Test
    void readsAFailedRecipientAndTheOriginalMessageFromADeliveryStatusNotification() throws Exception {
        deliverToRep("""
                From: Mail Delivery System <mailer-daemon@seller.test>
                To: riley@seller.test
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <dsn.7@seller.test>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

                --b1
                Content-Type: text/plain

                Your message could not be delivered.
                --b1
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.seller.test

                Final-Recipient: rfc822; Gone@Buyer.test
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 user unknown

                --b1
                Content-Type: text/rfc822-headers

                From: riley@seller.test
                To: gone@buyer.test
                Message-ID: <follow-up.42@stellar.test>
                Subject: Thanks for today

                --b1--
                """);
        IncomingEmail dsn = mail.readInbox(rep, 0, 0, 50).messages().get(0);
        assertThat(dsn.bounce()).isNotNull();
        assertThat(dsn.bounce().failedRecipients()).containsExactly("gone@buyer.test");
        assertThat(dsn.bounce().originalMessageId()).isEqualTo("follow-up.42@stellar.test");
        assertThat(dsn.bounce().diagnostic()).isEqualTo("550 5.1.1 user unknown");
        assertThat(dsn.threadIds()).containsExactly("follow-up.42@stellar.test");
    }

    @Test
    void aServerThatIsDownIsATransientFailureAndABadAddressAPermanentOne() {
        MailboxSettings down = new MailboxSettings("riley@seller.test", "Riley",
                new Server("127.0.0.1", 1, Security.NONE), null, "riley", "secret", null);
        OutgoingEmail email = new OutgoingEmail("x.1@stellar.test", List.of("pat@buyer.test"), List.of(), "s", "b", null,
                null, null);
        assertThatThrownBy(() -> mail.send(down, email)).isInstanceOfSatisfying(MailDeliveryException.class,
                e -> assertThat(e.permanent()).isFalse());

        OutgoingEmail bad = new OutgoingEmail("x.2@stellar.test", List.of("pat at buyer"), List.of(), "s", "b", null, null,
                null);
        assertThatThrownBy(() -> mail.send(rep, bad)).isInstanceOfSatisfying(MailDeliveryException.class, e -> {
            assertThat(e.permanent()).isTrue();
            assertThat(e.getMessage()).contains("pat at buyer");
        });
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aWrongPasswordIsRefusedPermanently() {
        MailboxSettings wrong = new MailboxSettings(rep.address(), null, rep.smtp(), rep.imap(), "riley", "nope", null);
        assertThatThrownBy(() -> mail.verify(wrong)).isInstanceOfSatisfying(MailDeliveryException.class, e -> {
            assertThat(e.permanent()).isTrue();
            assertThat(e.getMessage()).contains("refused the login");
        });
        mail.verify(rep);
    }

    private void deliverToRep(String raw) throws Exception {
        MimeMessage message = new MimeMessage(GreenMailUtil.getSession(ServerSetupTest.SMTP),
                new java.io.ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        greenMail.getUserManager().getUser("riley").deliver(message);
    }
}
