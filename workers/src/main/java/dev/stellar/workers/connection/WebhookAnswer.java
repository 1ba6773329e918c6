package dev.stellar.workers.connection;

import java.util.Map;

/** What the webhook endpoint answers: a status and a small JSON body (a problem's detail for an error). */
public record WebhookAnswer(int status, Map<String, Object> body) {

    static WebhookAnswer ok(Map<String, Object> body) {
        return new WebhookAnswer(200, body);
    }

    static WebhookAnswer problem(int status, String detail) {
        return new WebhookAnswer(status, Map.of("status", status, "detail", detail));
    }
}
