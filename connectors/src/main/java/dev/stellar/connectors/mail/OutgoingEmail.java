package dev.stellar.connectors.mail;

import java.util.List;
import java.util.Map;

/**
 * One message to send.
 *
 * @param messageId  the Message-ID without angle brackets; the caller derives it from its idempotency key, so a resend is
 *                   recognisably the same message
 * @param inReplyTo  the Message-ID this one answers (a sequence step follows up in the thread), or {@code null}
 * @param references the thread's Message-IDs, oldest first
 * @param headers    extra headers, e.g. {@code List-Unsubscribe}
 */
public record OutgoingEmail(String messageId, List<String> to, List<String> cc, String subject, String body,
                            String inReplyTo, List<String> references, Map<String, String> headers) {

    public OutgoingEmail {
        to = List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        references = references == null ? List.of() : List.copyOf(references);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
