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
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A meeting's CRM diff over real HTTP, reviewed and written to the HubSpot stub. */
class CrmApiTest extends ApiTest {

    @Autowired
    AccountService accounts;

    @Test
    void opsConnectsHubSpotTheRepReviewsTheDiffAndTheApprovedValuesAreUpsertedOnce() throws Exception {
        String email = "ops-" + UUID.randomUUID() + "@seller.example";
        assertThat(post("/api/signup", Map.of("organization", "Seller", "name", "Olive Ops", "email", email,
                "password", "long enough secret"), null).status()).isEqualTo(201);
        String admin = token(email, "long enough secret");
        Response connected = post("/api/connections", Map.of("type", "hubspot",
                "secrets", Map.of("accessToken", "pat-na1-11111111-2222")), admin);
        assertThat(connected.status()).isEqualTo(201);
        assertThat(connected.body().toString()).doesNotContain("pat-na1-11111111-2222");
        assertThat(connected.body().get("secretKeys").toString()).contains("accessToken");
        String connection = connected.body().get("id").asText();
        Response test = post("/api/connections/" + connection + "/test", Map.of(), admin);
        assertThat(test.body().get("detail").asText()).isEqualTo("Connected to HubSpot portal 62515 (na1)");
        Response broken = exchange(http.put().uri("/api/connections/" + connection + "/mapping")
                .contentType(MediaType.parseMediaType("application/yaml"))
                .body("objects:\n  - object: deals\n    match: { property: stellar_deal_id, by: account }\n"
                        + "    fields:\n      - { field: deal_amout, property: amount }\n"), admin);
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body().get("detail").asText()).contains("'deal_amout' is not a field");

        String customer = "margaret@" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("attendee", "Margaret Chen <" + customer + ">");
        String meeting = upload(admin, "chen.txt", fixture("/demo/estate-planning-chen.txt"), fields).body().get("id").asText();
        JsonNode changes = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> get("/api/meetings/" + meeting + "/crm-changes", admin).body(),
                        body -> body.isArray() && StreamSupport.stream(body.spliterator(), false)
                                .anyMatch(c -> c.get("property").asText().equals("lastname")));
        JsonNode amount = StreamSupport.stream(changes.spliterator(), false)
                .filter(c -> c.get("property").asText().equals("amount")).findFirst().orElseThrow();
        assertThat(amount.get("status").asText()).isEqualTo("PROPOSED");
        assertThat(amount.get("evidenceQuote").asText()).contains("4,500");

        String stranger = token(signupSomeone(), "another long secret");
        assertThat(get("/api/meetings/" + meeting + "/crm-changes", stranger).status()).isEqualTo(404);
        String rep = repOf(email);
        assertThat(get("/api/meetings/" + meeting + "/crm-changes", rep).body()).as("not the rep's meeting").isEmpty();
        assertThat(post("/api/meetings/" + meeting + "/crm-changes/" + amount.get("id").asText() + "/decision",
                Map.of("approve", true, "version", amount.get("version").asLong()), rep).status()).isEqualTo(404);

        Response approved = post("/api/meetings/" + meeting + "/crm-changes/" + amount.get("id").asText() + "/decision",
                Map.of("approve", true, "version", amount.get("version").asLong(), "value", "4750"), admin);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().get("appliedValue").asText()).isEqualTo("4750");
        assertThat(post("/api/meetings/" + meeting + "/crm-changes/" + amount.get("id").asText() + "/decision",
                Map.of("approve", false, "version", amount.get("version").asLong()), admin).status()).isEqualTo(409);
        assertThat(post("/api/meetings/" + meeting + "/crm-changes/decide-all?approve=true", Map.of(), admin)
                .body().get("decided").asInt()).isEqualTo(changes.size() - 1);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> get("/api/meetings/" + meeting + "/crm-changes", admin).body(),
                        body -> StreamSupport.stream(body.spliterator(), false)
                                .allMatch(c -> c.get("status").asText().equals("APPLIED")));
        String domain = customer.substring(customer.indexOf('@') + 1);
        assertThat(HUBSPOT.record("deals", domain)).containsEntry("amount", "4750");
        assertThat(HUBSPOT.record("contacts", customer)).containsEntry("lastname", "Chen");

        Response undone = post("/api/meetings/" + meeting + "/crm-changes/undo", Map.of(), admin);
        assertThat(undone.status()).as(undone.body().toString()).isEqualTo(200);
        assertThat(HUBSPOT.record("deals", domain)).as("the deal Stellar created is archived").isNull();
        assertThat(post("/api/meetings/" + meeting + "/crm-changes/undo", Map.of(), admin).status()).isEqualTo(409);
    }

    /** A rep of the same organisation, on no meeting of theirs. */
    private String repOf(String adminEmail) {
        UUID organization = accounts.findByEmail(adminEmail).orElseThrow().organizationId();
        String email = "rep-" + UUID.randomUUID() + "@seller.example";
        accounts.createUser(organization, null, email, "Other Rep", "long enough secret", Role.REP);
        return token(email, "long enough secret");
    }
}
