package dev.stellar.ui.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stellar.workers.account.AccountService;
import dev.stellar.workers.account.Role;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The REST API over real HTTP, as a client would use it. */
class MeetingApiTest extends ApiTest {

    @Autowired
    private AccountService accounts;

    @Test
    void signupThenTokenThenUploadYieldsACompletedMeetingOthersCannotSee() throws Exception {
        String email = "dana-" + UUID.randomUUID() + "@northwind.example";
        Response signup = post("/api/signup", Map.of("organization", "Northwind", "name", "Dana Whitfield",
                "email", email, "password", "long enough secret"), null);
        assertThat(signup.status()).isEqualTo(201);
        assertThat(signup.body().get("role").asText()).isEqualTo("ADMIN");

        String token = token(email, "long enough secret");
        Response upload = upload(token, "meeting001_transcript.vtt", fixture("/fixtures/zoom/meeting001_transcript.vtt"));
        assertThat(upload.status()).isEqualTo(202);
        assertThat(upload.body().get("status").asText()).isEqualTo("RECEIVED");
        String id = upload.body().get("id").asText();

        JsonNode meeting = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/api/meetings/" + id, token).body(), m -> m.get("status").asText().equals("COMPLETED"));
        assertThat(meeting.get("utterances")).hasSize(300);
        assertThat(meeting.get("utterances").get(0).get("speaker").asText()).isEqualTo("Andrew Knight");
        assertThat(meeting.get("utterances").get(0).get("startMs").asLong()).isEqualTo(4_859L);
        assertThat(meeting.get("participants").findValuesAsText("name")).contains("Paul McCartney", "Ringo Starr");
        assertThat(meeting.get("schema").asText()).as("the organisation's default").isEqualTo("estate-planning");
        assertThat(meeting.has("schemaVersion")).as("the built-in schema has none").isFalse();
        assertThat(field(meeting, "outcome").get("value").asText()).isIn("Won", "Lost", "Pending");
        assertVerbatimEvidence(meeting);
        assertThat(meeting.get("metrics").get("speakers")).hasSize(meeting.get("participants").size());

        Response list = get("/api/meetings?page=0&size=5", token);
        assertThat(list.body().get("items").findValuesAsText("id")).containsExactly(id);

        String stranger = token(signupSomeone(), "another long secret");
        assertThat(get("/api/meetings/" + id, stranger).status()).isEqualTo(404);
        assertThat(get("/api/meetings", stranger).body().get("total").asInt()).isZero();
    }

    @Test
    void aMalformedTranscriptIsRefusedWithTheLineAndNothingIsStored() throws Exception {
        String token = token(signupSomeone(), "another long secret");
        byte[] broken = "[00:00:01] Riley Rep: Hello\n[00:00:05] Sam Buyer: Hi\n[0x:00:09] Riley Rep: Oops\n".getBytes();

        Response refused = upload(token, "broken.txt", broken);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("detail").asText()).startsWith("line 3: expected '[hh:mm:ss] Speaker: text'");
        assertThat(refused.body().get("line").asInt()).isEqualTo(3);
        assertThat(get("/api/meetings", token).body().get("total").asInt()).isZero();
    }

    @Test
    void theMeetingDateIsTheDateWhereTheMeetingTookPlace() {
        String token = token(signupSomeone(), "another long secret");
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource("Riley Rep: Hello.\nSam Buyer: Hi.\nRiley Rep: So let's meet again tomorrow at ten.\n".getBytes()) {
            @Override
            public String getFilename() {
                return "call.txt";
            }
        });
        parts.add("startedAt", "2026-11-25T02:00:00Z"); // 6 pm on the 24th in California
        parts.add("timeZone", "America/Los_Angeles");
        Response accepted = exchange(http.post().uri("/api/meetings").contentType(MediaType.MULTIPART_FORM_DATA).body(parts), token);
        assertThat(accepted.status()).isEqualTo(202);
        JsonNode meeting = await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/api/meetings/" + accepted.body().get("id").asText(), token).body(),
                        m -> m.get("status").asText().equals("COMPLETED"));
        assertThat(field(meeting, "follow_up_date").get("value").asText()).as("tomorrow from the 24th").isEqualTo("2026-11-25");

        parts.set("timeZone", "Mars/Olympus_Mons");
        Response refused = exchange(http.post().uri("/api/meetings").contentType(MediaType.MULTIPART_FORM_DATA).body(parts), token);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("detail").asText()).contains("Mars/Olympus_Mons");
    }

    @Test
    void theSchemaChoosesTheFieldsAndOnlyOpsOrAdminChangeSchemas() throws Exception {
        String adminEmail = signupSomeone();
        String admin = token(adminEmail, "another long secret");
        byte[] discovery = ("Riley Rep: Thanks for the time today.\n"
                + "Kim Lopez: I'm Kim from Acme Freight. Our biggest problem is dispatchers planning routes by hand.\n"
                + "Kim Lopez: We're also evaluating Samsara, and our budget is about 90k a year.\n").getBytes();

        Response accepted = upload(admin, "discovery.txt", discovery, Map.of("schema", "b2b-discovery"));
        assertThat(accepted.status()).isEqualTo(202);
        JsonNode meeting = awaitCompleted(accepted.body().get("id").asText(), admin);
        assertThat(meeting.get("schema").asText()).isEqualTo("b2b-discovery");
        assertThat(meeting.get("fields").findValuesAsText("key")).isSubsetOf(
                "company", "budget", "authority", "need", "timeline", "competitors", "deal_stage", "next_meeting");
        assertThat(field(meeting, "company").get("value").asText()).isEqualTo("Acme Freight");
        assertThat(field(meeting, "budget").get("value").get("amount").asInt()).isEqualTo(90_000);
        assertVerbatimEvidence(meeting);

        Response unknown = upload(admin, "discovery.txt", discovery, Map.of("schema", "b2b-discvery"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("detail").asText()).contains("'b2b-discvery'").contains("b2b-discovery");
        assertThat(get("/api/meetings", admin).body().get("total").asInt()).as("nothing stored").isEqualTo(1);

        assertThat(get("/api/schemas", admin).body().findValuesAsText("key")).containsExactly("estate-planning", "b2b-discovery");
        assertThat(get("/api/schemas/b2b-discovery", admin).body().get("schema").get("fields")).hasSize(8);
        assertThat(text(http.get().uri("/api/schemas/estate-planning").accept(MediaType.valueOf("application/yaml")), admin))
                .contains("key: estate-planning").contains("- key: marital_status");
        assertThat(get("/api/schemas/nope", admin).status()).isEqualTo(404);

        Response broken = postYaml("key: renewal-call\nfields:\n  - key: seats\n    type: integer\n", admin);
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body().get("line").asInt()).isEqualTo(4);
        assertThat(broken.body().get("detail").asText()).contains("fields[0].type").contains("integer");
        Response saved = postYaml("key: renewal-call\nname: Renewal call\nfields:\n  - key: seats\n    type: number\n"
                + "    description: Seats the customer wants.\n", admin);
        assertThat(saved.status()).isEqualTo(201);
        assertThat(saved.body().get("version").asInt()).isEqualTo(1);
        JsonNode renewal = awaitCompleted(upload(admin, "renewal.txt",
                "Riley Rep: How many seats next year?\nSam Buyer: About forty seats.\n".getBytes(),
                Map.of("schema", "renewal-call")).body().get("id").asText(), admin);
        assertThat(renewal.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(field(renewal, "seats").get("value").asInt()).isEqualTo(40);

        UUID organization = accounts.findByEmail(adminEmail).orElseThrow().organizationId();
        String repEmail = "rep-" + UUID.randomUUID() + "@elsewhere.example";
        accounts.createUser(organization, null, repEmail, "Rita Rep", "another long secret", Role.REP);
        String rep = token(repEmail, "another long secret");
        Response forbidden = postYaml("key: rep-schema\nfields:\n  - key: x\n    type: text\n", rep);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body().get("detail").asText()).contains("ADMIN or OPS");
        assertThat(exchange(http.put().uri("/api/schemas/default").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("key", "renewal-call")), rep).status()).isEqualTo(403);
        assertThat(get("/api/schemas", rep).body().findValuesAsText("key")).as("reps read schemas").contains("renewal-call");
    }

    @Test
    void signupRules() {
        String email = "ops-" + UUID.randomUUID() + "@acme.example";
        assertThat(post("/api/signup", Map.of("organization", "Acme", "name", "Oscar", "email", email,
                "password", "short"), null).status()).isEqualTo(400);
        Response weak = post("/api/signup", Map.of("organization", "Acme", "name", "Oscar", "email", email,
                "password", "password123"), null);
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body().get("field").asText()).isEqualTo("password");

        assertThat(post("/api/signup", Map.of("organization", "Acme", "name", "Oscar", "email", email,
                "password", "a much better passphrase"), null).status()).isEqualTo(201);
        assertThat(post("/api/signup", Map.of("organization", "Acme 2", "name", "Oscar", "email", email.toUpperCase(),
                "password", "a much better passphrase"), null).status()).isEqualTo(409);
    }

    @Test
    void withoutAValidTokenTheApiAnswers401() {
        Response anonymous = get("/api/meetings", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body().get("detail").asText()).contains("Authorization: Bearer");
        Response forged = get("/api/meetings", "not-a-token");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.body().get("detail").asText()).startsWith("the bearer token is not valid");
        assertThat(post("/api/auth/token", Map.of("email", "rep@demo.stellar", "password", "wrong"), null).status())
                .isEqualTo(401);
        assertThat(post("/api/auth/token", Map.of("email", "nobody@nowhere.example", "password", "demo"), null).status())
                .isEqualTo(401);
    }

    @Test
    void badRequestsAreProblemDetailsNotRedirects() {
        Response unreadable = exchange(http.post().uri("/api/signup").contentType(MediaType.APPLICATION_JSON).body("{bad json"), null);
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.body().get("title").asText()).isEqualTo("Bad Request");

        String token = token(signupSomeone(), "another long secret");
        Response noFile = exchange(http.post().uri("/api/meetings").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(new LinkedMultiValueMap<>(Map.of("title", java.util.List.of("no file")))), token);
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(noFile.body().get("detail").asText()).contains("'file'");
        Response notAnId = get("/api/meetings/not-a-uuid", token);
        assertThat(notAnId.status()).isEqualTo(400);
    }

    @Test
    void anUploadOverTheLimitIsRefusedWith413() {
        String token = token(signupSomeone(), "another long secret");
        Response tooLarge = upload(token, "huge.txt", new byte[21 * 1024 * 1024]);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.body().get("title").asText()).isEqualTo("Payload Too Large");
        assertThat(get("/api/meetings", token).body().get("total").asInt()).isZero();
    }

    @Test
    void healthAndApiDocsArePublic() {
        Response health = get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("UP");
        Response docs = get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().get("paths").has("/api/meetings/{id}")).isTrue();
    }

    // --- helpers ---

    private static JsonNode field(JsonNode meeting, String key) {
        for (JsonNode field : meeting.get("fields")) {
            if (field.get("key").asText().equals(key)) {
                return field;
            }
        }
        throw new AssertionError("no field " + key + " in " + meeting.get("fields"));
    }

    private JsonNode awaitCompleted(String id, String token) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/api/meetings/" + id, token).body(), m -> m.get("status").asText().equals("COMPLETED"));
    }

    /** Every quote is verbatim from the utterance it names, at that utterance's time. */
    private static void assertVerbatimEvidence(JsonNode meeting) {
        for (JsonNode f : meeting.get("fields")) {
            JsonNode source = meeting.get("utterances").get(f.get("evidenceSeq").asInt());
            assertThat(source.get("text").asText()).as(f.get("key").asText()).contains(f.get("evidenceQuote").asText());
            assertThat(source.path("startMs").asText()).isEqualTo(f.path("evidenceStartMs").asText());
        }
    }

}
