package dev.stellar.workers.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stellar.workers.account.Caller;
import dev.stellar.workers.account.Role;
import dev.stellar.workers.meeting.Attendee;
import dev.stellar.workers.meeting.UploadRequest;
import dev.stellar.workers.trigger.TriggerService;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A rule's notify action: an e-mail to the rep's managers from the organisation's (here the rep's) mailbox, once. */
class TriggerNotifyIntegrationTest extends EmailIntegrationTest {

    @Autowired
    TriggerService triggers;

    @Test
    void aWonMeetingNotifiesTheManagersOnce() throws Exception {
        Caller rep = newOrganisation("Rules Notify");
        connectMailbox(rep, mailServer.getSmtp().getPort());
        String manager = "maya-" + UUID.randomUUID().toString().substring(0, 6) + "@rules-notify.example";
        accounts.createUser(rep.organizationId(), null, manager, "Maya Manager", "correct horse battery", Role.MANAGER);
        triggers.save(rep, """
                key: won-notify
                when: meeting.analysed
                if: { field: fields.outcome, op: equals, value: Won }
                then: [ { action: notify, with: { to: manager, message: "A deal was won: say well done." } } ]
                """);
        triggers.enable(rep, "won-notify", true);

        meetings.upload(rep, new UploadRequest("chen.txt", fixture("/demo/estate-planning-chen.txt"), "Chen consultation",
                Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC, "estate-planning",
                List.of(new Attendee("Margaret Chen", "margaret@chen-notify.example"))));

        List<MimeMessage> mail = await().atMost(ANALYSIS).pollInterval(Duration.ofMillis(300))
                .until(() -> delivered(manager), messages -> !messages.isEmpty());
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0).getSubject()).isEqualTo("Stellar: won-notify · Chen consultation");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail.get(0))).contains("A deal was won: say well done.");
        TriggerService.Firing firing = await().atMost(Duration.ofSeconds(30))
                .until(() -> triggers.firings(rep, "won-notify", 5).get(0), f -> f.status().equals("DONE"));
        assertThat(firing.actions().get(0).get("detail").asText()).isEqualTo("Notified " + manager);
    }
}
