package dev.stellar.workers.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.stellar.connectors.mail.JakartaMailbox;
import dev.stellar.connectors.mail.MailSender;
import dev.stellar.connectors.mail.MailboxSettings;
import dev.stellar.connectors.mail.OutgoingEmail;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.email.EmailDelivery.Deferred;
import dev.stellar.workers.email.EmailDelivery.Outcome;
import dev.stellar.workers.email.EmailDelivery.Sent;
import dev.stellar.workers.email.InboxItem.DraftStatus;
import dev.stellar.workers.persistence.JsonColumns;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A rep's follow-up from meeting to mailbox: real PostgreSQL, the in-process Temporal service running the meeting and
 * approval workflows, and GreenMail as the organisation's SMTP and IMAP server.
 */
class EmailApprovalIntegrationTest extends EmailIntegrationTest {

    @Autowired
    Suppressions suppressions;
    @Autowired
    JakartaMailbox mail;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JsonColumns json;
    @Autowired
    Clock clock;

    @Test
    void anApprovedFollowUpIsDeliveredOnceFromTheRepsMailboxWithItsOwnMessageId() throws Exception {
        Caller rep = newOrganisation("Approvals");
        connectMailbox(rep, mailServer.getSmtp().getPort());
        InboxItem draft = draftedFollowUp(rep);
        assertThat(draft.to()).as("pre-filled from the attendees outside the organisation")
                .containsExactly("margaret.chen@example.com", "david.chen@example.com");
        assertThat(draft.grounding()).isNotEmpty();
        assertThat(draft.expiresAt()).as("the approval workflow opened it").isNotNull();

        inbox.approve(rep, draft.id(), new Approval(List.of("Margaret Chen <Margaret.Chen@example.com>"),
                List.of("david.chen@example.com"), "Your estate plan: next steps", draft.body() + "\n\nBest, Riley", null,
                draft.version()));

        InboxItem sent = awaitStatus(rep, draft.id(), DraftStatus.SENT);
        assertThat(delivered("margaret.chen@example.com")).hasSize(1);
        assertThat(delivered("david.chen@example.com")).hasSize(1);
        MimeMessage received = delivered("margaret.chen@example.com").get(0);
        assertThat(received.getSubject()).isEqualTo("Your estate plan: next steps");
        assertThat(received.getFrom()[0].toString()).isEqualTo("Riley Rep <" + rep.email() + ">");
        assertThat(received.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("margaret.chen@example.com");
        assertThat(received.getRecipients(Message.RecipientType.CC)[0].toString()).isEqualTo("david.chen@example.com");
        assertThat(GreenMailUtil.getBody(received)).contains("Best, Riley");
        String messageId = received.getMessageID().replaceAll("[<>]", "");
        assertThat(messageId).startsWith("stellar.").endsWith("@" + EmailAddresses.domainOf(rep.email()));
        assertThat(sent.deliveryNote()).contains(messageId);
        assertThat(mail.findSent(mailboxes.settings(rep.organizationId(), mailbox(rep).id()), messageId))
                .as("filed in the rep's Sent folder").isTrue();
        assertThatThrownBy(() -> inbox.approve(rep, draft.id(), new Approval(List.of("margaret.chen@example.com"), null,
                "again", "again", null, sent.version())))
                .isInstanceOf(DraftDecidedException.class);
    }

    @Test
    void badAddressesSuppressedAddressesAndEmptyFieldsAreRefusedAtApprovalAndNothingIsStored() throws Exception {
        Caller rep = newOrganisation("Refusals");
        connectMailbox(rep, mailServer.getSmtp().getPort());
        InboxItem draft = draftedFollowUp(rep);

        assertThatThrownBy(() -> inbox.approve(rep, draft.id(), approval(draft, List.of("margaret.chen@example.com",
                "pat at example"))))
                .isInstanceOf(InvalidEmailAddressException.class)
                .hasMessageContaining("recipient 2").hasMessageContaining("'pat at example'");
        assertThatThrownBy(() -> inbox.approve(rep, draft.id(), approval(draft, List.of())))
                .isInstanceOf(InvalidApprovalException.class).hasMessageContaining("at least one recipient");
        assertThatThrownBy(() -> inbox.approve(rep, draft.id(), new Approval(draft.to(), null, " ", draft.body(), null,
                draft.version())))
                .isInstanceOf(InvalidApprovalException.class).hasMessageContaining("subject");
        suppressions.suppress(rep.organizationId(), "Margaret.Chen@example.com", Suppressions.Reason.UNSUBSCRIBED, "test");
        assertThatThrownBy(() -> inbox.approve(rep, draft.id(), approval(draft, draft.to())))
                .isInstanceOf(InvalidApprovalException.class)
                .hasMessageContaining("margaret.chen@example.com must not be written to (unsubscribed");
        assertThatThrownBy(() -> inbox.reject(rep, draft.id(), " "))
                .isInstanceOf(InvalidApprovalException.class).hasMessageContaining("Say why");

        Caller stranger = newOrganisation("Elsewhere");
        assertThatThrownBy(() -> inbox.item(stranger, draft.id())).isInstanceOf(DraftNotFoundException.class);
        assertThat(inbox.item(rep, draft.id()).status()).isEqualTo(DraftStatus.DRAFT);

        inbox.reject(rep, draft.id(), "The Chens asked for a call instead");
        InboxItem rejected = inbox.item(rep, draft.id());
        assertThat(rejected.status()).isEqualTo(DraftStatus.REJECTED);
        assertThat(rejected.decisionNote()).isEqualTo("The Chens asked for a call instead");
        assertThat(rejected.decidedBy()).isEqualTo("Riley Rep");
        assertThat(delivered("margaret.chen@example.com")).isEmpty();
    }

    @Test
    void aMailServerThatIsDownIsRetriedVisiblyAndTheMessageGoesOutOnceWhenItIsBack() throws Exception {
        Caller rep = newOrganisation("Outage");
        connectMailbox(rep, 1); // nothing listens on port 1
        InboxItem draft = draftedFollowUp(rep);

        inbox.approve(rep, draft.id(), approval(draft, draft.to()));
        InboxItem retrying = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> inbox.item(rep, draft.id()), d -> d.deliveryNote() != null);
        assertThat(retrying.status()).isEqualTo(DraftStatus.APPROVED);
        assertThat(retrying.deliveryNote()).startsWith("Retrying (attempt 1)").contains("unreachable");

        connectMailbox(rep, mailServer.getSmtp().getPort());
        awaitStatus(rep, draft.id(), DraftStatus.SENT);
        assertThat(delivered("margaret.chen@example.com")).hasSize(1);
        assertThat(delivered("david.chen@example.com")).hasSize(1);
    }

    @Test
    void aCrashAfterTheServerTookTheMessageButBeforeItWasRecordedDoesNotSendItAgain() throws Exception {
        Caller rep = newOrganisation("Crash");
        Mailbox box = connectMailbox(rep, mailServer.getSmtp().getPort());
        MailSender crashesAfterSending = new MailSender() {
            @Override
            public void send(MailboxSettings mailbox, OutgoingEmail email) {
                mail.send(mailbox, email);
                throw new IllegalStateException("worker died before recording the send");
            }

            @Override
            public void verify(MailboxSettings mailbox) {
                mail.verify(mailbox);
            }
        };
        EmailDelivery dying = new EmailDelivery(jdbc, transaction, mailboxes, crashesAfterSending, mail, json, clock);
        EmailDelivery.Request request = new EmailDelivery.Request(rep.organizationId(), "meeting:x:follow-up:send", box.id(),
                null, List.of("pat@buyer.example"), List.of(), "Thanks, Pat", "See you Tuesday.", Map.of());

        assertThatThrownBy(() -> dying.deliver(request)).hasMessageContaining("worker died");
        EmailDelivery restarted = new EmailDelivery(jdbc, transaction, mailboxes, mail, mail, json, clock);
        Outcome retried = restarted.deliver(request);

        assertThat(retried).isInstanceOfSatisfying(Sent.class, sent -> assertThat(sent.earlier()).isTrue());
        assertThat(delivered("pat@buyer.example")).hasSize(1);
        assertThat(restarted.deliver(request)).as("and once recorded, from the log").isInstanceOf(Sent.class);
        assertThat(delivered("pat@buyer.example")).hasSize(1);
        assertThat(restarted.attempt(rep.organizationId(), "meeting:x:follow-up:send").orElseThrow().status())
                .isEqualTo("SENT");
    }

    @Test
    void aMailboxAtItsDailyCapDefersTheNextMessageToTomorrowInItsTimeZone() throws Exception {
        Caller rep = newOrganisation("Capped");
        Mailbox box = mailboxes.save(rep.organizationId(), rep.userId(), form(rep, mailServer.getSmtp().getPort(), 1, 0,
                "America/New_York"));
        mailServer.setUser(rep.email(), rep.email(), "app-password");
        EmailDelivery delivery = new EmailDelivery(jdbc, transaction, mailboxes, mail, mail, json, clock);

        Outcome first = delivery.deliver(new EmailDelivery.Request(rep.organizationId(), "cap:1", box.id(), null,
                List.of("pat@buyer.example"), List.of(), "One", "One.", Map.of()));
        Outcome second = delivery.deliver(new EmailDelivery.Request(rep.organizationId(), "cap:2", box.id(), null,
                List.of("pat@buyer.example"), List.of(), "Two", "Two.", Map.of()));

        assertThat(first).isInstanceOf(Sent.class);
        Instant tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("America/New_York")).plusDays(1)
                .atStartOfDay(java.time.ZoneId.of("America/New_York")).toInstant();
        assertThat(second).isInstanceOfSatisfying(Deferred.class, d -> assertThat(d.until()).isEqualTo(tomorrow));
        assertThat(delivered("pat@buyer.example")).hasSize(1);
    }

    @Test
    void theMailboxSecretIsEncryptedAtRestAndBoundToItsOrganisation() {
        Caller rep = newOrganisation("Secrets");
        Mailbox box = connectMailbox(rep, mailServer.getSmtp().getPort());
        String stored = jdbc.sql("select secret_encrypted from mailboxes where id = ?").param(box.id()).query(String.class)
                .single();
        assertThat(stored).startsWith("v1:").doesNotContain("app-password");
        assertThat(mailboxes.settings(rep.organizationId(), box.id()).secret()).isEqualTo("app-password");
        assertThat(box.hasSecret()).isTrue();

        Caller other = newOrganisation("Thief");
        assertThatThrownBy(() -> mailboxes.settings(other.organizationId(), box.id()))
                .isInstanceOf(InvalidMailboxException.class);
    }

    private Mailbox mailbox(Caller rep) {
        return mailboxes.find(rep.organizationId(), rep.userId()).orElseThrow();
    }

    private static Approval approval(InboxItem draft, List<String> to) {
        return new Approval(to, null, draft.subject(), draft.body(), null, draft.version());
    }

}
