package dev.stellar.ui.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.stellar.connectors.zoom.ZoomWebhooks;
import dev.stellar.workers.account.AccountService;
import dev.stellar.workers.account.Role;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Zoom's webhook over real HTTP: signed as Zoom signs, with WireMock as Zoom's download and OAuth servers serving a real
 * Zoom transcript.
 */
@TestPropertySource(properties = "stellar.data-dir=target/zoom-webhook-test-data") // its own context: its own database
class ZoomWebhookTest extends ApiTest {

    private static final String SECRET = "zoom-webhook-secret-token";
    private static final WireMockServer zoom = new WireMockServer(options().dynamicPort());

    static {
        zoom.start();
    }

    @DynamicPropertySource
    static void zoomIsWireMock(DynamicPropertyRegistry registry) {
        registry.add("stellar.zoom.oauth-url", zoom::baseUrl);
        registry.add("stellar.zoom.download-hosts", () -> "localhost");
    }

    @AfterAll
    static void stopZoom() {
        zoom.stop();
    }

    @Autowired
    AccountService accounts;

    private String token;
    private String webhook;

    @BeforeEach
    void connectZoom() {
        String admin = signupSomeone();
        token = token(admin, "another long secret");
        Response created = post("/api/connections", Map.of("type", "zoom", "name", "Sales Zoom",
                "settings", Map.of("accountId", "acc-1", "clientId", "client-1"),
                "secrets", Map.of("webhookSecretToken", SECRET, "clientSecret", "client-secret")), token);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().toString()).doesNotContain(SECRET, "client-secret");
        assertThat(created.body().get("secretKeys").findValuesAsText("")).isEmpty();
        webhook = created.body().get("webhookUrl").asText();
        assertThat(webhook).startsWith("http://localhost:8080/webhooks/zoom/");
        webhook = webhook.substring("http://localhost:8080".length());
    }

    @Test
    void theEndpointAnswersZoomsUrlValidationAndRefusesWhatZoomDidNotSign() {
        Response validation = zoomPost(webhook, """
                {"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}""");
        assertThat(validation.status()).isEqualTo(200);
        assertThat(validation.body().get("plainToken").asText()).isEqualTo("qgg8vlvZRS6UYooatFL8Aw");
        assertThat(validation.body().get("encryptedToken").asText())
                .isEqualTo(ZoomWebhooks.urlValidationToken(SECRET, "qgg8vlvZRS6UYooatFL8Aw")).hasSize(64);

        String body = "{\"event\":\"recording.completed\",\"payload\":{}}";
        String now = Long.toString(Instant.now().getEpochSecond());
        assertThat(raw(webhook, body, now, ZoomWebhooks.sign("another secret", now, body.getBytes())).status())
                .as("wrong secret").isEqualTo(401);
        String old = Long.toString(Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond());
        Response replay = raw(webhook, body, old, ZoomWebhooks.sign(SECRET, old, body.getBytes()));
        assertThat(replay.status()).as("a replay outside five minutes").isEqualTo(401);
        assertThat(replay.body().get("detail").asText()).contains("5 minutes");
        assertThat(raw(webhook, body, null, null).status()).as("unsigned").isEqualTo(401);
        assertThat(zoomPost(webhook, "{not json").status()).isEqualTo(400);
        assertThat(zoomPost(webhook, "{\"event\":\"recording.completed\",\"payload\":{\"object\":{}}}").body()
                .get("detail").asText()).contains("payload.object.uuid");
        assertThat(zoomPost(webhook, "{\"event\":\"meeting.started\",\"payload\":{}}").body().get("status").asText())
                .isEqualTo("ignored");
        assertThat(zoomPost("/webhooks/zoom/no-such-key", "{}").status()).isEqualTo(404);

        JsonNode connection = get("/api/connections", token).body().get(0);
        assertThat(connection.get("lastError").asText()).as("the latest refusal").contains("payload.object.uuid");
        assertThat(get("/api/connections/" + connection.get("id").asText() + "/events", token).body().findValuesAsText("kind"))
                .contains("endpoint.url_validation", "rejected", "meeting.started");
    }

    @Test
    void aRecordingDeliveredFourTimesAtOnceBecomesOneCompletedMeetingFromZoomsTranscript() throws Exception {
        String uuid = "4444AAAiAAAAAiAiAiiAii==" + UUID.randomUUID();
        zoom.stubFor(WireMock.get(urlEqualTo("/rec/download/transcript")).withHeader("Authorization", equalTo("Bearer dl-token"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/vtt")
                        .withBody(fixture("/fixtures/zoom/meeting001_transcript.vtt"))));
        String event = event(uuid, "dl-token", "/rec/download/transcript");

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Response>> deliveries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            deliveries.add(pool.submit(() -> zoomPost(webhook, event)));
        }
        List<String> meetingIds = new ArrayList<>();
        for (Future<Response> delivery : deliveries) {
            Response answer = delivery.get();
            assertThat(answer.status()).isEqualTo(200);
            meetingIds.add(answer.body().get("meetingId").asText());
        }
        pool.shutdown();

        assertThat(meetingIds).as("Zoom retries: one meeting").containsOnly(meetingIds.get(0));
        assertThat(get("/api/meetings", token).body().get("total").asInt()).isEqualTo(1);
        JsonNode meeting = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/api/meetings/" + meetingIds.get(0), token).body(),
                        m -> m.get("status").asText().equals("COMPLETED"));
        assertThat(meeting.get("platform").asText()).isEqualTo("ZOOM");
        assertThat(meeting.get("title").asText()).isEqualTo("Beatles reunion planning");
        assertThat(meeting.get("utterances")).hasSize(300);
        zoom.verify(1, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo("/rec/download/transcript")));
    }

    @Test
    void anExpiredDownloadTokenFallsBackToTheAccountsOAuthToken() throws Exception {
        zoom.stubFor(WireMock.get(urlEqualTo("/rec/download/expired")).withHeader("Authorization", equalTo("Bearer old-token"))
                .willReturn(aResponse().withStatus(401).withBody("{\"code\":124,\"message\":\"Invalid access token.\"}")));
        zoom.stubFor(WireMock.post(urlPathEqualTo("/oauth/token"))
                .withQueryParam("grant_type", equalTo("account_credentials")).withQueryParam("account_id", equalTo("acc-1"))
                .withBasicAuth("client-1", "client-secret")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"access_token":"s2s-token","token_type":"bearer","expires_in":3599,"scope":"cloud_recording:read"}""")));
        zoom.stubFor(WireMock.get(urlEqualTo("/rec/download/expired")).withHeader("Authorization", equalTo("Bearer s2s-token"))
                .willReturn(aResponse().withStatus(200).withBody(fixture("/fixtures/zoom/meeting001_transcript.vtt"))));

        Response answer = zoomPost(webhook, event("expired-" + UUID.randomUUID(), "old-token", "/rec/download/expired"));

        JsonNode meeting = awaitFinal(answer.body().get("meetingId").asText());
        assertThat(meeting.get("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void aFileZoomNoLongerHasOrThatIsNoTranscriptFailsTheMeetingWithTheReason() throws Exception {
        zoom.stubFor(WireMock.get(urlEqualTo("/rec/download/gone")).willReturn(aResponse().withStatus(404)
                .withBody("{\"code\":3301,\"message\":\"This recording does not exist.\"}")));
        zoom.stubFor(WireMock.get(urlEqualTo("/rec/download/empty")).willReturn(aResponse().withStatus(200).withBody("")));

        JsonNode gone = awaitFinal(zoomPost(webhook, event("gone-" + UUID.randomUUID(), "t", "/rec/download/gone"))
                .body().get("meetingId").asText());
        JsonNode empty = awaitFinal(zoomPost(webhook, event("empty-" + UUID.randomUUID(), "t", "/rec/download/empty"))
                .body().get("meetingId").asText());

        assertThat(gone.get("status").asText()).isEqualTo("FAILED");
        assertThat(gone.get("statusReason").asText()).isEqualTo("Zoom no longer has the recording file (404)");
        assertThat(empty.get("status").asText()).isEqualTo("FAILED");
        assertThat(empty.get("statusReason").asText()).startsWith("The platform's transcript is not readable");
    }

    @Test
    void onlyAdminsAndOpsConnectPlatformsAndAZoomConnectionNeedsItsSecretToken() {
        String admin = signupSomeone();
        String adminToken = token(admin, "another long secret");
        var org = accounts.findByEmail(admin).orElseThrow().organizationId();
        String rep = "rep-" + UUID.randomUUID() + "@elsewhere.example";
        accounts.createUser(org, null, rep, "Sam Rep", "a long rep password", Role.REP);
        String repToken = token(rep, "a long rep password");

        assertThat(post("/api/connections", Map.of("type", "zoom", "secrets", Map.of("webhookSecretToken", "x")), repToken)
                .status()).isEqualTo(403);
        Response missing = post("/api/connections", Map.of("type", "zoom"), adminToken);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().get("detail").asText()).contains("webhookSecretToken");
        assertThat(post("/api/connections", Map.of("type", "zoom", "settings", Map.of("accountId", "a"),
                "secrets", Map.of("webhookSecretToken", "x")), adminToken).body().get("detail").asText())
                .contains("accountId, settings.clientId and secrets.clientSecret together");
        assertThat(get("/api/connections", adminToken).body()).isEmpty();
    }

    private JsonNode awaitFinal(String meetingId) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/api/meetings/" + meetingId, token).body(),
                        m -> List.of("COMPLETED", "FAILED").contains(m.get("status").asText()));
    }

    private String event(String uuid, String downloadToken, String transcriptPath) throws Exception {
        return new String(fixture("/zoom/recording-completed.json"), StandardCharsets.UTF_8)
                .replace("UUID_PLACEHOLDER", uuid)
                .replace("HOST_PLACEHOLDER", "host@zoom.example")
                .replace("DOWNLOAD_BASE/rec/download/transcript", zoom.baseUrl() + transcriptPath)
                .replace("DOWNLOAD_BASE", zoom.baseUrl())
                .replace("DOWNLOAD_TOKEN_PLACEHOLDER", downloadToken);
    }

    /** Posts as Zoom does: signed now with the connection's secret token. */
    private Response zoomPost(String path, String body) {
        String now = Long.toString(Instant.now().getEpochSecond());
        return raw(path, body, now, ZoomWebhooks.sign(SECRET, now, body.getBytes(StandardCharsets.UTF_8)));
    }

    private Response raw(String path, String body, String timestamp, String signature) {
        var request = http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body.getBytes(StandardCharsets.UTF_8));
        if (timestamp != null) {
            request.header("x-zm-request-timestamp", timestamp);
        }
        if (signature != null) {
            request.header("x-zm-signature", signature);
        }
        return exchange(request, null);
    }
}
