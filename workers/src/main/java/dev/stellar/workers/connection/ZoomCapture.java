package dev.stellar.workers.connection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stellar.connectors.zoom.RecordingEvent;
import dev.stellar.connectors.zoom.RecordingEvent.RecordingFile;
import dev.stellar.connectors.zoom.ZoomWebhooks;
import dev.stellar.workers.connection.Connection.Type;
import dev.stellar.workers.meeting.MeetingService;
import dev.stellar.workers.meeting.MeetingSummary;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Zoom's webhook, after the edge read the raw body: verified (signature, replay window), answered at once. A recording
 * event becomes a captured meeting whose workflow downloads the transcript later, so the answer comes well within
 * Zoom's three seconds; the same event delivered again (Zoom retries) finds the meeting and starts nothing new.
 */
@Service
public class ZoomCapture {

    private final ConnectionStore connections;
    private final MeetingService meetings;
    private final ObjectMapper json;
    private final Clock clock;

    public ZoomCapture(ConnectionStore connections, MeetingService meetings, ObjectMapper json, Clock clock) {
        this.connections = connections;
        this.meetings = meetings;
        this.json = json;
        this.clock = clock;
    }

    public WebhookAnswer accept(String webhookKey, String timestamp, String signature, byte[] body) {
        Optional<Connection> found = connections.byWebhookKey(Type.ZOOM, webhookKey);
        if (found.isEmpty()) {
            return WebhookAnswer.problem(404, "No Zoom connection has this webhook URL");
        }
        Connection connection = found.get();
        String secret = connections.secrets(connection.organizationId(), connection.id()).get(Connections.ZOOM_WEBHOOK_SECRET);
        ZoomWebhooks.Verdict verdict = ZoomWebhooks.verify(secret, timestamp, signature, body, clock.instant());
        if (verdict != ZoomWebhooks.Verdict.VALID) {
            String reason = switch (verdict) {
                case MISSING_HEADERS -> "x-zm-signature or x-zm-request-timestamp is missing";
                case STALE -> "x-zm-request-timestamp is more than 5 minutes away: a replay, or a clock far off";
                default -> "x-zm-signature does not match the body: wrong secret token, or a forged request";
            };
            connections.event(connection, "rejected", reason, true);
            return WebhookAnswer.problem(401, reason);
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            connections.event(connection, "rejected", "the body is not JSON", true);
            return WebhookAnswer.problem(400, "The body is not JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            return WebhookAnswer.problem(400, "The body could not be read");
        }
        String event = root.path("event").asText("");
        return switch (event) {
            case "endpoint.url_validation" -> validate(connection, secret, root);
            case "recording.completed", "recording.transcript_completed" -> recording(connection, event, root);
            default -> {
                connections.event(connection, event.isBlank() ? "unnamed event" : event, "ignored", false);
                yield WebhookAnswer.ok(Map.of("status", "ignored", "event", event));
            }
        };
    }

    private WebhookAnswer validate(Connection connection, String secret, JsonNode root) {
        String plainToken = root.path("payload").path("plainToken").asText("");
        if (plainToken.isBlank()) {
            return WebhookAnswer.problem(400, "payload.plainToken is missing");
        }
        connections.event(connection, "endpoint.url_validation", "answered", false);
        return WebhookAnswer.ok(Map.of("plainToken", plainToken,
                "encryptedToken", ZoomWebhooks.urlValidationToken(secret, plainToken)));
    }

    private WebhookAnswer recording(Connection connection, String event, JsonNode root) {
        RecordingEvent recording;
        try {
            recording = RecordingEvent.of(root);
        } catch (IllegalArgumentException e) {
            connections.event(connection, event, e.getMessage(), true);
            return WebhookAnswer.problem(400, e.getMessage());
        }
        Optional<RecordingFile> transcript = recording.transcript();
        if (transcript.isEmpty()) {
            String detail = recording.audio().isPresent()
                    ? "\"" + recording.topic() + "\" has audio but no transcript; turn on Zoom's audio transcript "
                            + "(transcription of audio comes with the speech connection)"
                    : "\"" + recording.topic() + "\" has no transcript file";
            connections.event(connection, event, detail, false);
            return WebhookAnswer.ok(Map.of("status", "ignored", "reason", detail));
        }
        MeetingSummary meeting = meetings.capture(connection.organizationId(), connection.id(),
                new MeetingService.Captured(recording.meetingUuid(), recording.topic(), recording.startTime(),
                        recording.timeZone(), recording.hostEmail(), transcript.get().downloadUrl(),
                        recording.downloadToken(), (recording.topic() == null ? "zoom" : recording.topic()) + ".vtt"));
        connections.event(connection, event, "\"" + meeting.title() + "\" captured", false);
        return WebhookAnswer.ok(Map.of("status", "accepted", "meetingId", meeting.id().toString()));
    }
}
