package dev.stellar.ui.api;

import dev.stellar.workers.connection.WebhookAnswer;
import dev.stellar.workers.connection.ZoomCapture;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Zoom's event subscription endpoint, one URL per connection. The body is taken raw: the signature covers its exact
 * bytes. Public (Zoom has no session); the signature and the key in the URL are the authentication.
 */
@RestController
@Tag(name = "Webhooks")
public class ZoomWebhookController {

    private final ZoomCapture capture;

    public ZoomWebhookController(ZoomCapture capture) {
        this.capture = capture;
    }

    @PostMapping(path = "/webhooks/zoom/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Zoom events: endpoint.url_validation, recording.completed, recording.transcript_completed",
            description = "401 for a bad signature or a timestamp outside 5 minutes, 400 for a body that is not an event, "
                    + "404 for an unknown URL; everything else 200 at once (the download happens in the workflow).")
    public ResponseEntity<Map<String, Object>> event(@PathVariable String key,
                                                     @RequestHeader(name = "x-zm-request-timestamp", required = false)
                                                     String timestamp,
                                                     @RequestHeader(name = "x-zm-signature", required = false) String signature,
                                                     @RequestBody(required = false) byte[] body) {
        WebhookAnswer answer = capture.accept(key, timestamp, signature, body == null ? new byte[0] : body);
        return ResponseEntity.status(answer.status()).body(answer.body());
    }
}
