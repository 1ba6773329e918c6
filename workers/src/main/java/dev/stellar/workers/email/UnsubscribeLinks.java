package dev.stellar.workers.email;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import dev.stellar.workers.runtime.StellarProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * RFC 8058 one-click unsubscribe for sequence mail: a random token per message names the organisation and the address;
 * the headers offer an HTTPS link (POSTed by the mail client) and a mailto reply the mailbox poll understands.
 */
@Component
public class UnsubscribeLinks {

    /** A reply whose subject is "unsubscribe <token>", as the mailto link writes it. */
    public static final Pattern MAILTO_SUBJECT = Pattern.compile("(?i)^\\s*unsubscribe\\s+([A-Za-z0-9_-]{20,64})\\s*$");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Who a token unsubscribes. */
    public record Target(UUID organizationId, String address, UUID enrollmentId) {
    }

    private final JdbcClient jdbc;
    private final StellarProperties stellar;
    private final Clock clock;

    public UnsubscribeLinks(JdbcClient jdbc, StellarProperties stellar, Clock clock) {
        this.jdbc = jdbc;
        this.stellar = stellar;
        this.clock = clock;
    }

    /** The headers and the footer link of one message to {@code address}, sent from {@code mailbox}. */
    @Transactional
    public Links create(UUID organizationId, String address, UUID enrollmentId, String mailbox) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into unsubscribe_tokens (token, organization_id, address, enrollment_id, created_at) values (?, ?, ?, ?, ?)")
                .params(token, organizationId, address, enrollmentId, Timestamp.from(clock.instant())).update();
        String url = stellar.publicUrl() + "/unsubscribe/" + token;
        String mailto = "mailto:" + mailbox + "?subject=" + URLEncoder.encode("unsubscribe " + token, StandardCharsets.UTF_8)
                .replace("+", "%20");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + url + ">, <" + mailto + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return new Links(url, headers);
    }

    @Transactional(readOnly = true)
    public Optional<Target> target(String token) {
        return jdbc.sql("select organization_id, address, enrollment_id from unsubscribe_tokens where token = ?")
                .param(token)
                .query((rs, i) -> new Target(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class)))
                .optional();
    }

    public record Links(String url, Map<String, String> headers) {
    }
}
