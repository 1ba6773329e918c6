package dev.stellar.workers.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stellar.workers.WorkersIntegrationTest;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.meeting.Attendee;
import dev.stellar.workers.meeting.MeetingService;
import dev.stellar.workers.meeting.MeetingSummary;
import dev.stellar.workers.meeting.UploadRequest;
import dev.stellar.workers.trigger.TriggerService.Firing;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A switched-on rule fires once per analysed meeting, its actions run one by one, and the log says what happened. */
class TriggerFiringIntegrationTest extends WorkersIntegrationTest {

    @Autowired
    private TriggerService triggers;
    @Autowired
    private TriggerDispatcher dispatcher;
    @Autowired
    private MeetingService meetings;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void aWonMeetingFiresTheRuleOnceItsCoachingTaskIsCreatedAndAnActionThatCannotRunSaysSo() throws Exception {
        Caller admin = newOrganisation("Rules Live");
        triggers.save(admin, """
                key: won-coaching
                when: meeting.analysed
                if: { field: fields.outcome, op: equals, value: Won }
                then:
                  - { action: coaching_task, with: { title: Walk the team through this win } }
                  - { action: crm_task, with: { subject: Send the welcome pack } }
                """);
        triggers.save(admin, """
                key: lost-only
                when: meeting.analysed
                if: { field: fields.outcome, op: equals, value: Lost }
                then: [ { action: coaching_task, with: { title: Review the loss } } ]
                """);
        triggers.enable(admin, "won-coaching", true);
        triggers.enable(admin, "lost-only", true);

        MeetingSummary meeting = meetings.upload(admin, new UploadRequest("chen.txt", fixture(), "Chen consultation",
                Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC, "estate-planning",
                List.of(new Attendee("Margaret Chen", "margaret@chen-rules.example"))));

        Firing firing = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> triggers.firings(admin, "won-coaching", 10), f -> f.size() == 1
                        && !f.get(0).status().equals("RUNNING")).get(0);
        assertThat(firing.status()).as("one action could not run").isEqualTo("FAILED");
        assertThat(firing.subject()).isEqualTo("Chen consultation");
        assertThat(firing.checks().get(0).get("actual").asText()).isEqualTo("Won");
        assertThat(firing.actions().get(0).get("status").asText()).isEqualTo("DONE");
        assertThat(firing.actions().get(1).get("status").asText()).isEqualTo("FAILED");
        assertThat(firing.actions().get(1).get("detail").asText()).startsWith("crm_task cannot run yet");
        assertThat(jdbc.sql("select title from coaching_tasks where meeting_id = ? and status = 'OPEN'")
                .params(meeting.id()).query(String.class).list()).containsExactly("Walk the team through this win");
        assertThat(triggers.firings(admin, "lost-only", 10)).as("its condition did not hold").isEmpty();

        assertThat(dispatcher.meetingAnalysed(admin.organizationId(), meeting.id())).as("the same event again").isZero();
        assertThat(triggers.firings(admin, "won-coaching", 10)).hasSize(1);
    }

    private static byte[] fixture() throws Exception {
        try (InputStream in = TriggerFiringIntegrationTest.class.getResourceAsStream("/demo/estate-planning-chen.txt")) {
            return in.readAllBytes();
        }
    }
}
