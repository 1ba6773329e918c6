package dev.stellar.ui.api;

import dev.stellar.workers.email.Sequences;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The unsubscribe link of sequence mail (RFC 8058). A POST unsubscribes at once: the one-click request of a mail client
 * ({@code List-Unsubscribe=One-Click}) or the button of the page. A GET only shows that page, because link scanners
 * open every link in a message and must not unsubscribe anyone.
 */
@RestController
@Hidden
public class UnsubscribeController {

    private final Sequences sequences;

    public UnsubscribeController(Sequences sequences) {
        this.sequences = sequences;
    }

    @GetMapping(path = "/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
    public String confirm(@PathVariable String token) {
        return page("Unsubscribe", "<p>Stop these e-mails? You will not be written to again from this sender's sequences.</p>"
                + "<form method=\"post\"><button type=\"submit\">Unsubscribe</button></form>");
    }

    @PostMapping(path = "/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> unsubscribe(@PathVariable String token) {
        return sequences.unsubscribe(token)
                .map(address -> ResponseEntity.ok(page("Unsubscribed", "<p>" + HtmlUtils.htmlEscape(address)
                        + " will get no more e-mails like this one.</p>")))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(page("Unknown link", "<p>This unsubscribe link is not known. Reply to the e-mail with"
                                + " \"unsubscribe\" and the sender will stop.</p>")));
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title>"
                + "<meta name=\"viewport\" content=\"width=device-width\"></head>"
                + "<body style=\"font-family:sans-serif;max-width:32em;margin:4em auto\"><h1>" + title + "</h1>" + body
                + "</body></html>";
    }
}
