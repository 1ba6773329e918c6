package dev.stellar.ui.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stellar.workers.account.AccountService;
import dev.stellar.workers.account.Role;
import dev.stellar.workers.email.sink.LocalMailSink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The approval inbox and mailboxes over real HTTP, sending into the embedded default's local mail sink. */
class EmailApiTest extends ApiTest {

    @Autowired
    LocalMailSink sink;
    @Autowired
    AccountService accounts;
    @Autowired
    dev.stellar.workers.email.SequenceActivitiesImpl sequenceActivities;

    @Test
    void aRepApprovesTheDraftedFollowUpAndItIsDeliveredOnceFromTheirMailbox() throws Exception {
        String email = "riley-" + UUID.randomUUID() + "@seller.example";
        assertThat(post("/api/signup", Map.of("organization", "Seller", "name", "Riley Rep", "email", email,
                "password", "long enough secret"), null).status()).isEqualTo(201);
        String token = token(email, "long enough secret");
        sink.addMailbox(email, email, "app-password");
        Response saved = put("/api/email/mailbox", Map.of("address", email, "displayName", "Riley Rep",
                "smtpHost", "127.0.0.1", "smtpPort", sink.smtpPort(), "smtpSecurity", "NONE", "imapHost", "127.0.0.1",
                "imapPort", sink.imapPort(), "imapSecurity", "NONE", "username", email, "secret", "app-password"), token);
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body().get("hasSecret").asBoolean()).isTrue();
        assertThat(saved.body().toString()).doesNotContain("app-password");
        assertThat(post("/api/email/mailbox/test", Map.of(), token).body().get("ok").asBoolean()).isTrue();

        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("attendee", "Margaret Chen <margaret.chen@chen-family.example>");
        fields.add("attendee", "Riley Rep <" + email + ">");
        Response upload = upload(token, "chen.txt", fixture("/demo/estate-planning-chen.txt"), fields);
        assertThat(upload.status()).isEqualTo(202);
        String meetingId = upload.body().get("id").asText();

        JsonNode draft = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> waitingDraft(token, meetingId), d -> d != null && d.hasNonNull("expiresAt"));
        assertThat(draft.get("to").get(0).asText()).isEqualTo("margaret.chen@chen-family.example");
        assertThat(draft.get("to")).as("the rep is not a recipient").hasSize(1);
        String id = draft.get("id").asText();

        Response bad = post("/api/email/drafts/" + id + "/approve", Map.of("to", List.of("margaret at chen"),
                "subject", "Next steps", "body", "Hi", "version", draft.get("version").asLong()), token);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("detail").asText()).contains("recipient 1", "'margaret at chen'");

        Response approved = post("/api/email/drafts/" + id + "/approve", Map.of("to", List.of("margaret.chen@chen-family.example"),
                "subject", "Next steps for your estate plan", "body", draft.get("body").asText(),
                "version", draft.get("version").asLong()), token);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().get("status").asText()).isIn("APPROVED", "SENT");
        Response again = post("/api/email/drafts/" + id + "/approve", Map.of("to", List.of("margaret.chen@chen-family.example"),
                "subject", "x", "body", "x", "version", draft.get("version").asLong()), token);
        assertThat(again.status()).isEqualTo(409);

        JsonNode sent = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/api/email/drafts/" + id, token).body(), d -> d.get("status").asText().equals("SENT"));
        assertThat(sent.get("deliveryNote").asText()).startsWith("Sent from " + email);
        List<LocalMailSink.SinkMessage> delivered = sink.receivedFrom(Set.of(email));
        assertThat(delivered).singleElement().satisfies(message -> {
            assertThat(message.to()).containsExactly("margaret.chen@chen-family.example");
            assertThat(message.subject()).isEqualTo("Next steps for your estate plan");
            assertThat(sent.get("deliveryNote").asText()).contains(message.messageId());
        });

        String stranger = token(signupSomeone(), "another long secret");
        assertThat(get("/api/email/drafts/" + id, stranger).status()).isEqualTo(404);
        assertThat(get("/api/email/drafts", stranger).body()).isEmpty();
    }

    @Test
    void onlyOpsAndAdminsChangeTheSharedMailboxAndSuppressAddresses() {
        String admin = signupSomeone();
        String adminToken = token(admin, "another long secret");
        var org = accounts.findByEmail(admin).orElseThrow().organizationId();
        String repEmail = "rep-" + UUID.randomUUID() + "@elsewhere.example";
        accounts.createUser(org, null, repEmail, "Sam Rep", "a long rep password", Role.REP);
        String repToken = token(repEmail, "a long rep password");
        Map<String, Object> shared = Map.of("address", "sales@elsewhere.example", "smtpHost", "smtp.elsewhere.example",
                "smtpPort", 587);

        Response denied = put("/api/email/mailbox?organisation=true", shared, repToken);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.body().get("detail").asText()).contains("ADMIN or OPS");
        assertThat(put("/api/email/mailbox?organisation=true", shared, adminToken).status()).isEqualTo(200);
        assertThat(get("/api/email/mailbox?organisation=true", repToken).body().get("address").asText())
                .isEqualTo("sales@elsewhere.example");
        Response badPort = put("/api/email/mailbox", Map.of("address", repEmail, "smtpHost", "smtp.elsewhere.example",
                "smtpPort", 70000), repToken);
        assertThat(badPort.status()).isEqualTo(400);
        assertThat(badPort.body().get("detail").asText()).isEqualTo("SMTP port must be between 1 and 65535");

        assertThat(get("/api/email/policy", repToken).body().get("own").asBoolean()).isFalse();
        assertThat(put("/api/email/policy", Map.of("remindAfter", "PT4H", "expireAfter", "P3D"), repToken).status())
                .isEqualTo(403);
        assertThat(put("/api/email/policy", Map.of("remindAfter", "P3D", "expireAfter", "PT4H"), adminToken).status())
                .isEqualTo(400);
        assertThat(put("/api/email/policy", Map.of("remindAfter", "PT4H", "expireAfter", "P3D"), adminToken).body()
                .get("expireAfter").asText()).isEqualTo("PT72H");

        assertThat(post("/api/email/suppressions", Map.of("address", "Pat@Buyer.example"), repToken).status()).isEqualTo(403);
        assertThat(post("/api/email/suppressions", Map.of("address", "Pat@Buyer.example", "note", "asked by phone"),
                adminToken).status()).isEqualTo(201);
        assertThat(get("/api/email/suppressions", repToken).body().findValuesAsText("address"))
                .containsExactly("pat@buyer.example");
    }

    @Test
    void sequencesAreEditedEnrolledPausedAndStoppedAndTheUnsubscribeLinkWorksInOneClick() throws Exception {
        String admin = signupSomeone();
        String token = token(admin, "another long secret");
        sink.addMailbox(admin, admin, "app-password");
        assertThat(put("/api/email/mailbox", Map.of("address", admin, "smtpHost", "127.0.0.1", "smtpPort", sink.smtpPort(),
                "smtpSecurity", "NONE", "imapHost", "127.0.0.1", "imapPort", sink.imapPort(), "imapSecurity", "NONE",
                "username", admin, "secret", "app-password"), token).status()).isEqualTo(200);

        Response broken = exchange(http.post().uri("/api/sequences").contentType(org.springframework.http.MediaType
                .valueOf("application/yaml")).body("key: nudge\nname: Nudge\nsteps:\n  - after-business-days: 2\n"
                + "    subject: Hi {{contact.nickname}}\n    body: Hello\n"), token);
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body().get("detail").asText()).contains("steps[0].subject", "nickname");
        Response saved = exchange(http.post().uri("/api/sequences").contentType(org.springframework.http.MediaType
                .valueOf("application/yaml")).body("key: nudge\nname: Nudge\nsteps:\n  - after-business-days: 2\n"
                + "    subject: Hi {{contact.first_name}}\n    body: Still interested?\n"), token);
        assertThat(saved.status()).isEqualTo(201);
        assertThat(saved.body().get("version").asInt()).isEqualTo(1);
        assertThat(get("/api/sequences", token).body().findValuesAsText("key")).contains("after-the-meeting", "nudge");

        Response upload = upload(token, "call.txt", "Riley Rep: Hello Pat.\nPat Buyer: Hi.\n".getBytes(),
                Map.of("attendee", "Pat Buyer <pat@unsubscribe.example>"));
        String meetingId = upload.body().get("id").asText();
        Response enrolled = post("/api/sequences/enrollments", Map.of("meetingId", meetingId, "sequence", "nudge",
                "contacts", List.of("pat@unsubscribe.example")), token);
        assertThat(enrolled.status()).isEqualTo(201);
        String enrollment = enrolled.body().get(0).get("id").asText();
        assertThat(post("/api/sequences/enrollments/" + enrollment + "/pause", Map.of(), token).body()
                .get("enrollment").get("status").asText()).isEqualTo("PAUSED");
        assertThat(post("/api/sequences/enrollments/" + enrollment + "/resume", Map.of(), token).body()
                .get("enrollment").get("status").asText()).isEqualTo("ACTIVE");

        var ref = new dev.stellar.workflows.email.SequenceActivities.SendStepInput(
                accounts.findByEmail(admin).orElseThrow().organizationId().toString(), enrollment, 0, "api-test:" + enrollment);
        assertThat(sequenceActivities.sendStep(ref).delivery().name()).isEqualTo("SENT");
        String header = sink.receivedFrom(Set.of(admin)).get(0).headers().get("List-Unsubscribe");
        String link = header.replaceAll("^<([^>]+)>.*", "$1");
        String path = link.substring(link.indexOf("/unsubscribe/"));

        String page = http.get().uri(path).retrieve().body(String.class);
        assertThat(page).contains("<form method=\"post\">");
        assertThat(get("/api/email/suppressions", token).body()).as("opening the link changes nothing").isEmpty();
        Integer oneClick = http.post().uri(path).contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                .body("List-Unsubscribe=One-Click").exchange((req, res) -> Integer.valueOf(res.getStatusCode().value()));
        assertThat(oneClick).isEqualTo(200);
        assertThat(get("/api/email/suppressions", token).body().findValuesAsText("address"))
                .containsExactly("pat@unsubscribe.example");
        JsonNode stopped = get("/api/sequences/enrollments/" + enrollment, token).body();
        assertThat(stopped.get("enrollment").get("stopReason").asText()).isEqualTo("UNSUBSCRIBED");
        assertThat(stopped.get("history").findValuesAsText("kind")).contains("ENROLLED", "PAUSED", "ACTIVE", "SENT", "STOPPED");
        Integer unknown = http.post().uri("/unsubscribe/unknown-token-0000000000")
                .exchange((req, res) -> Integer.valueOf(res.getStatusCode().value()));
        assertThat(unknown).isEqualTo(404);
    }

    private JsonNode waitingDraft(String token, String meetingId) {
        for (JsonNode draft : get("/api/email/drafts?status=DRAFT", token).body()) {
            if (draft.get("meetingId").asText().equals(meetingId)) {
                return draft;
            }
        }
        return null;
    }
}
