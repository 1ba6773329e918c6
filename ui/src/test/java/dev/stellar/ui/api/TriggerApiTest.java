package dev.stellar.ui.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stellar.workers.account.AccountService;
import dev.stellar.workers.account.Role;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Trigger rules over real HTTP: saved in versions by OPS and ADMIN only, refused field by field, backtested. */
class TriggerApiTest extends ApiTest {

    private static final String WON_DEAL = """
            key: won-deal-onboarding
            name: Won deals above %s start onboarding
            when: meeting.analysed
            if:
              all:
                - { field: fields.outcome, op: equals, value: Won }
                - { field: fields.deal_amount, op: greater than, value: %s }
            then:
              - { action: start_sequence, with: { sequence: after-the-meeting } }
              - { action: crm_task, with: { subject: Kick off onboarding, due_in_days: 2 } }
            """;

    @Autowired
    AccountService accounts;

    @Test
    void opsSavesAWonDealRuleBacktestsItOnPastMeetingsAndSwitchesItOn() throws Exception {
        String email = "ops-" + UUID.randomUUID() + "@rules.example";
        assertThat(post("/api/signup", Map.of("organization", "Rules", "name", "Olive Ops", "email", email,
                "password", "long enough secret"), null).status()).isEqualTo(201);
        String admin = token(email, "long enough secret");
        String meeting = upload(admin, "chen.txt", fixture("/demo/estate-planning-chen.txt")).body().get("id").asText();

        Response saved = yaml("/api/triggers", WON_DEAL.formatted("100k", "100000"), admin);
        assertThat(saved.status()).isEqualTo(201);
        assertThat(saved.body().get("version").asInt()).isEqualTo(1);
        assertThat(saved.body().get("enabled").asBoolean()).as("backtest first").isFalse();
        Response broken = yaml("/api/triggers", WON_DEAL.formatted("x", "lots").replace("fields.outcome", "fields.outcom"),
                admin);
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body().get("errors").findValuesAsText("path")).containsExactly("if.all[0].field",
                "if.all[1].value");
        String rep = repOf(email);
        assertThat(get("/api/triggers", rep).status()).isEqualTo(403);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> get("/api/meetings/" + meeting, admin).body(), m -> m.get("status").asText().equals("COMPLETED"));
        JsonNode tooSmall = post("/api/triggers/won-deal-onboarding/backtest", Map.of("days", 7), admin).body();
        assertThat(tooSmall.get("considered").asInt()).isEqualTo(1);
        assertThat(tooSmall.get("fired").asInt()).as("4,500 is not above 100,000").isZero();

        assertThat(yaml("/api/triggers", WON_DEAL.formatted("1k", "1000"), admin).body().get("version").asInt()).isEqualTo(2);
        JsonNode backtest = post("/api/triggers/won-deal-onboarding/backtest", Map.of("days", 7), admin).body();
        assertThat(backtest.get("fired").asInt()).isEqualTo(1);
        JsonNode hit = backtest.get("hits").get(0);
        assertThat(hit.get("subject").asText()).isEqualTo("chen"); // the meeting, titled after its file
        assertThat(StreamSupport.stream(hit.get("checks").spliterator(), false).map(c -> c.get("field").asText() + "="
                + c.get("actual").asText())).containsExactly("fields.outcome=Won", "fields.deal_amount=4500");
        assertThat(hit.get("actions").get(0).asText()).startsWith("start_sequence");

        assertThat(exchange(http.put().uri("/api/triggers/won-deal-onboarding/enabled?value=true"), admin).body()
                .get("enabled").asBoolean()).isTrue();
        assertThat(exchange(http.delete().uri("/api/triggers/won-deal-onboarding"), admin).status()).isEqualTo(204);
        assertThat(get("/api/triggers/won-deal-onboarding", admin).status()).isEqualTo(404);
    }

    private Response yaml(String path, String body, String token) {
        return exchange(http.post().uri(path).contentType(MediaType.parseMediaType("application/yaml")).body(body), token);
    }

    private String repOf(String adminEmail) {
        UUID organization = accounts.findByEmail(adminEmail).orElseThrow().organizationId();
        String email = "rep-" + UUID.randomUUID() + "@rules.example";
        accounts.createUser(organization, null, email, "Other Rep", "long enough secret", Role.REP);
        return token(email, "long enough secret");
    }
}
