package dev.stellar.workers.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.stellar.playbooks.sequence.SequenceTemplates;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.account.Role;
import dev.stellar.workers.email.Enrollment.Status;
import dev.stellar.workers.email.InboxItem.DraftStatus;
import dev.stellar.workers.meeting.Attendee;
import dev.stellar.workflows.email.EmailActivities.Delivery;
import dev.stellar.workflows.email.EmailSequenceWorkflow;
import dev.stellar.workflows.email.EmailSequenceWorkflow.SequenceOutcome;
import dev.stellar.workflows.email.EmailSequenceWorkflow.SequenceStage;
import dev.stellar.workflows.email.EmailSequenceWorkflow.StopReason;
import dev.stellar.workflows.email.SequenceActivities.SendStepInput;
import io.temporal.client.WorkflowClient;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sequences with real mail: the approved follow-up continues in a sequence, steps go out in its thread with one-click
 * unsubscribe, and a reply, an unsubscribe, a bounce or a deal won stops them. Step timers are days long; here the step
 * is sent by its activity, as the timer would, and the timers themselves are tested on a skipping clock in
 * EmailSequenceWorkflowTest.
 */
class SequenceIntegrationTest extends EmailIntegrationTest {

    @Autowired
    Sequences sequences;
    @Autowired
    EnrollmentStore enrollments;
    @Autowired
    SequenceActivitiesImpl sequenceActivities;
    @Autowired
    MailboxPoller poller;
    @Autowired
    EmailSchedules schedules;
    @Autowired
    DailyDigest digest;
    @Autowired
    WorkflowClient temporal;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theApprovedFollowUpContinuesInTheSequenceAndAReplyStopsItBeforeTheNextStep() throws Exception {
        Caller rep = newOrganisation("Sequences");
        Mailbox box = connectMailbox(rep, mailServer.getSmtp().getPort());
        InboxItem draft = draftedFollowUp(rep);
        inbox.approve(rep, draft.id(), new Approval(draft.to(), null, draft.subject(), draft.body(), null, draft.version(),
                SequenceTemplates.AFTER_THE_MEETING));
        awaitStatus(rep, draft.id(), DraftStatus.SENT);
        String followUpId = delivered("margaret.chen@example.com").get(0).getMessageID().replaceAll("[<>]", "");

        List<Enrollment> enrolled = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> sequences.enrollments(rep, null), list -> list.size() == 2 && list.stream()
                        .allMatch(e -> e.nextStepAt() != null));
        Enrollment margaret = enrolled.stream().filter(e -> e.contactEmail().equals("margaret.chen@example.com")).findFirst()
                .orElseThrow();
        assertThat(margaret.contactName()).isEqualTo("Margaret Chen");
        assertThat(margaret.threadMessageIds()).containsExactly(followUpId);
        assertThat(margaret.nextStepAt()).as("three business days after the follow-up")
                .isAfter(margaret.lastSentAt().plus(Duration.ofDays(3)));
        assertThat(sequences.enrollment(rep, margaret.id()).live().stage()).isEqualTo(SequenceStage.WAITING);

        // the first step's timer fires
        String key = EmailSequenceWorkflow.idFor(rep.organizationId().toString(), margaret.id().toString()) + ":step:0";
        assertThat(sequenceActivities.sendStep(new SendStepInput(rep.organizationId().toString(), margaret.id().toString(),
                0, key)).delivery()).isEqualTo(Delivery.SENT);
        MimeMessage step = delivered("margaret.chen@example.com").get(1);
        assertThat(step.getSubject()).isEqualTo("Re: Chen consultation");
        assertThat(step.getHeader("In-Reply-To", null)).isEqualTo("<" + followUpId + ">");
        assertThat(step.getHeader("List-Unsubscribe", null))
                .matches("<http://localhost:8080/unsubscribe/[A-Za-z0-9_-]+>, <mailto:" + rep.email()
                        + "\\?subject=unsubscribe%20[A-Za-z0-9_-]+>");
        assertThat(step.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        String stepId = step.getMessageID().replaceAll("[<>]", "");

        deliverToRep(rep, """
                From: Margaret Chen <margaret.chen@example.com>
                To: %s
                Subject: Re: Chen consultation
                Message-ID: <reply.1@example.com>
                In-Reply-To: <%s>
                References: <%s>

                Thanks Riley, we will sign on Tuesday.
                """.formatted(rep.email(), stepId, stepId));
        MailboxPoller.PollResult polled = poller.poll(rep.organizationId(), box.id());

        assertThat(polled.replies()).isEqualTo(1);
        Enrollment stopped = enrollments.find(rep.organizationId(), margaret.id()).orElseThrow();
        assertThat(stopped.status()).isEqualTo(Status.STOPPED);
        assertThat(stopped.stopReason()).isEqualTo(StopReason.REPLIED);
        SequenceOutcome outcome = temporal.newUntypedWorkflowStub(EmailSequenceWorkflow.idFor(
                rep.organizationId().toString(), margaret.id().toString())).getResult(30, TimeUnit.SECONDS, SequenceOutcome.class);
        assertThat(outcome.stage()).isEqualTo(SequenceStage.STOPPED);
        assertThat(sequenceActivities.sendStep(new SendStepInput(rep.organizationId().toString(), margaret.id().toString(),
                1, key + "-next")).delivery()).as("nothing after the reply").isEqualTo(Delivery.SUPPRESSED);
        assertThat(delivered("margaret.chen@example.com")).hasSize(2);
        assertThat(enrollments.find(rep.organizationId(), enrolled.stream()
                .filter(e -> e.contactEmail().equals("david.chen@example.com")).findFirst().orElseThrow().id())
                .orElseThrow().status()).as("David did not answer").isEqualTo(Status.ACTIVE);
        assertThat(poller.poll(rep.organizationId(), box.id()).read()).as("each message is read once").isZero();
        assertThat(sequences.enrollment(rep, margaret.id()).history()).extracting(Enrollment.Event::kind)
                .containsExactly("ENROLLED", "SENT", "STOPPED");
    }

    @Test
    void anUnsubscribeAndABounceSuppressTheAddressAndStopItsSequencesAtOnce() throws Exception {
        Caller rep = newOrganisation("Unsubscribes");
        Mailbox box = connectMailbox(rep, mailServer.getSmtp().getPort());
        InboxItem draft = draftedFollowUp(rep, List.of(new Attendee("Pat Buyer", "pat@buyer.example"),
                new Attendee("Gone Buyer", "gone@buyer.example"), new Attendee("Sam Buyer", "sam@buyer.example")));
        List<Enrollment> enrolled = sequences.enroll(rep, draft.meetingId(), SequenceTemplates.AFTER_THE_MEETING,
                List.of("pat@buyer.example", "gone@buyer.example", "Sam Buyer <sam@buyer.example>"));
        assertThat(enrolled).hasSize(3);
        assertThat(sequences.enroll(rep, draft.meetingId(), SequenceTemplates.AFTER_THE_MEETING, List.of("pat@buyer.example")))
                .as("not twice").isEmpty();

        Enrollment pat = enrolled.get(0);
        sequenceActivities.sendStep(new SendStepInput(rep.organizationId().toString(), pat.id().toString(), 0, "pat:0"));
        String header = delivered("pat@buyer.example").get(0).getHeader("List-Unsubscribe", null);
        String token = header.replaceAll(".*/unsubscribe/([A-Za-z0-9_-]+)>.*", "$1");
        assertThat(sequences.unsubscribe(token)).contains("pat@buyer.example");
        assertThat(enrollments.find(rep.organizationId(), pat.id()).orElseThrow().stopReason())
                .isEqualTo(StopReason.UNSUBSCRIBED);
        assertThatThrownBy(() -> inbox.approve(rep, draft.id(), new Approval(List.of("pat@buyer.example"), null, "Hi",
                "Hi", null, draft.version()))).hasMessageContaining("pat@buyer.example must not be written to (unsubscribed");
        assertThat(sequences.unsubscribe("not-a-token-at-all-000000")).isEmpty();

        Enrollment sam = enrolled.get(2);
        assertThat(sam.contactName()).isEqualTo("Sam Buyer");
        sequenceActivities.sendStep(new SendStepInput(rep.organizationId().toString(), sam.id().toString(), 0, "sam:0"));
        String mailto = delivered("sam@buyer.example").get(0).getHeader("List-Unsubscribe", null)
                .replaceAll(".*subject=unsubscribe%20([A-Za-z0-9_-]+)>.*", "$1");
        deliverToRep(rep, """
                From: sam@buyer.example
                To: %s
                Subject: unsubscribe %s
                Message-ID: <unsub.1@buyer.example>

                """.formatted(rep.email(), mailto));
        deliverToRep(rep, """
                From: Mail Delivery System <mailer-daemon@buyer.example>
                To: %s
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <dsn.1@buyer.example>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

                --b1
                Content-Type: text/plain

                Delivery failed.
                --b1
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.buyer.example

                Final-Recipient: rfc822; gone@buyer.example
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 user unknown

                --b1--
                """.formatted(rep.email()));

        MailboxPoller.PollResult polled = poller.poll(rep.organizationId(), box.id());

        assertThat(polled.unsubscribes()).isEqualTo(1);
        assertThat(polled.bounces()).isEqualTo(1);
        assertThat(enrollments.find(rep.organizationId(), sam.id()).orElseThrow().stopReason())
                .isEqualTo(StopReason.UNSUBSCRIBED);
        Enrollment gone = enrollments.find(rep.organizationId(), enrolled.get(1).id()).orElseThrow();
        assertThat(gone.stopReason()).isEqualTo(StopReason.BOUNCED);
        assertThat(gone.stopDetail()).isEqualTo("550 5.1.1 user unknown");
        assertThat(mailboxService.suppressions(rep)).extracting(Suppressions.Suppression::address, Suppressions.Suppression::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("pat@buyer.example", Suppressions.Reason.UNSUBSCRIBED),
                        org.assertj.core.groups.Tuple.tuple("sam@buyer.example", Suppressions.Reason.UNSUBSCRIBED),
                        org.assertj.core.groups.Tuple.tuple("gone@buyer.example", Suppressions.Reason.BOUNCED));
        assertThat(schedules.polls(box.id())).as("the mailbox is polled by Quartz").isTrue();
        assertThat(jdbc.sql("select count(*) from qrtz_job_details where job_name = ?").param("mailbox-" + box.id())
                .query(Integer.class).single()).as("in the clustered JDBC job store").isEqualTo(1);
    }

    @Test
    void aLaterMeetingThatWinsTheDealEndsTheSequenceAndManagersGetTheirDigest() throws Exception {
        Caller rep = newOrganisation("Won");
        connectMailbox(rep, mailServer.getSmtp().getPort());
        InboxItem first = draftedFollowUp(rep, List.of(new Attendee("Dana Whitfield", "dana@northwind.example")));
        Enrollment dana = sequences.enroll(rep, first.meetingId(), SequenceTemplates.AFTER_THE_MEETING,
                List.of("dana@northwind.example")).get(0);

        // the Chen transcript ends with the deal won: the same contact's sequence has nothing left to chase
        draftedFollowUp(rep, List.of(new Attendee("Dana Whitfield", "dana@northwind.example")));
        Enrollment ended = await().atMost(Duration.ofSeconds(30))
                .until(() -> enrollments.find(rep.organizationId(), dana.id()).orElseThrow(), e -> !e.running());
        assertThat(ended.stopReason()).isEqualTo(StopReason.DEAL_CLOSED);
        assertThat(ended.stopDetail()).contains("won");

        String managerEmail = "maya-" + UUID.randomUUID().toString().substring(0, 8) + "@won.example";
        accounts.createUser(rep.organizationId(), null, managerEmail, "Maya Manager", "a long manager password",
                Role.MANAGER);
        mailServer.setUser(managerEmail, managerEmail, PASSWORD);
        mailServer.setUser("sales@won.example", "sales@won.example", PASSWORD);
        mailboxService.save(rep, true, new MailboxForm("sales@won.example", "Won Sales", "127.0.0.1",
                mailServer.getSmtp().getPort(), dev.stellar.connectors.mail.MailboxSettings.Security.NONE, null, null, null,
                "sales@won.example", PASSWORD, null, null, 0, null));
        digest.send(LocalDate.now(ZoneOffset.UTC), ZoneOffset.UTC);
        digest.send(LocalDate.now(ZoneOffset.UTC), ZoneOffset.UTC); // a second run the same day sends nothing new

        List<MimeMessage> digests = delivered(managerEmail);
        assertThat(digests).hasSize(1);
        assertThat(digests.get(0).getSubject()).startsWith("Stellar daily digest for ");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(digests.get(0)))
                .contains("Good morning, Maya.", "Meetings on ", "Chen consultation (completed)",
                        "Follow-ups waiting for approval: 2", "CRM changes waiting for review: 0");
    }
}
