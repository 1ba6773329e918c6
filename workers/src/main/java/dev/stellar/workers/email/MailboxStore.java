package dev.stellar.workers.email;

import dev.stellar.connectors.mail.MailboxSettings;
import dev.stellar.connectors.mail.MailboxSettings.Auth;
import dev.stellar.connectors.mail.MailboxSettings.Security;
import dev.stellar.connectors.mail.MailboxSettings.Server;
import dev.stellar.workers.secrets.SecretCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Mailboxes of one organisation; secrets go in encrypted and come out only as {@link MailboxSettings} for a call. */
@Repository
public class MailboxStore {

    private static final String COLUMNS = """
            id, organization_id, user_id, address, display_name, smtp_host, smtp_port, smtp_security, imap_host, imap_port,
            imap_security, username, secret_encrypted, auth, daily_cap, min_spacing_seconds, time_zone""";

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final Clock clock;

    public MailboxStore(JdbcClient jdbc, SecretCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** The mailbox a user sends from: their own, else the organisation's. */
    @Transactional(readOnly = true)
    public Optional<Mailbox> senderFor(UUID organizationId, UUID userId) {
        return jdbc.sql("select " + COLUMNS + " from mailboxes where organization_id = ? and (user_id = ? or user_id is null)"
                        + " order by user_id nulls last limit 1")
                .params(organizationId, userId).query(this::mailbox).optional();
    }

    /** @param userId {@code null} for the organisation's own mailbox */
    @Transactional(readOnly = true)
    public Optional<Mailbox> find(UUID organizationId, UUID userId) {
        return jdbc.sql("select " + COLUMNS + " from mailboxes where organization_id = ? and user_id is not distinct from ?")
                .params(organizationId, userId).query(this::mailbox).optional();
    }

    @Transactional(readOnly = true)
    public Optional<Mailbox> byId(UUID organizationId, UUID mailboxId) {
        return jdbc.sql("select " + COLUMNS + " from mailboxes where organization_id = ? and id = ?")
                .params(organizationId, mailboxId).query(this::mailbox).optional();
    }

    @Transactional(readOnly = true)
    public List<Mailbox> all(UUID organizationId) {
        return jdbc.sql("select " + COLUMNS + " from mailboxes where organization_id = ? order by address")
                .params(organizationId).query(this::mailbox).list();
    }

    /**
     * Creates or replaces the mailbox of a user (or of the organisation); a blank secret keeps the stored one.
     *
     * @throws InvalidMailboxException naming the first field that is wrong
     */
    @Transactional
    public Mailbox save(UUID organizationId, UUID userId, MailboxForm form) {
        String address = EmailAddresses.normalise(form.address(), "the mailbox address");
        require(form.smtpHost() != null && !form.smtpHost().isBlank(), "SMTP host is required");
        int smtpPort = port(form.smtpPort(), "SMTP port");
        boolean imap = form.imapHost() != null && !form.imapHost().isBlank();
        Integer imapPort = imap ? port(form.imapPort(), "IMAP port") : null;
        int cap = form.dailyCap() == null ? 200 : form.dailyCap();
        require(cap > 0, "the daily cap must be at least 1");
        int spacing = form.minSpacingSeconds() == null ? 20 : form.minSpacingSeconds();
        require(spacing >= 0, "the spacing cannot be negative");
        String zone = form.timeZone() == null || form.timeZone().isBlank() ? "UTC" : form.timeZone().strip();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidMailboxException("time zone '" + zone + "' is not an IANA zone such as Europe/Berlin");
        }
        Optional<Mailbox> existing = find(organizationId, userId);
        String secret = form.secret() == null || form.secret().isBlank() ? null : cipher.encrypt(organizationId, form.secret());
        Timestamp now = Timestamp.from(clock.instant());
        UUID id = existing.map(Mailbox::id).orElseGet(UUID::randomUUID);
        jdbc.sql("""
                        insert into mailboxes (id, organization_id, user_id, address, display_name, smtp_host, smtp_port,
                                               smtp_security, imap_host, imap_port, imap_security, username, secret_encrypted,
                                               auth, daily_cap, min_spacing_seconds, time_zone, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (id) do update set address = excluded.address, display_name = excluded.display_name,
                            smtp_host = excluded.smtp_host, smtp_port = excluded.smtp_port,
                            smtp_security = excluded.smtp_security, imap_host = excluded.imap_host,
                            imap_port = excluded.imap_port, imap_security = excluded.imap_security,
                            username = excluded.username,
                            secret_encrypted = coalesce(excluded.secret_encrypted, mailboxes.secret_encrypted),
                            auth = excluded.auth, daily_cap = excluded.daily_cap,
                            min_spacing_seconds = excluded.min_spacing_seconds, time_zone = excluded.time_zone,
                            updated_at = excluded.updated_at""")
                .params(id, organizationId, userId, address, blankToNull(form.displayName()), form.smtpHost().strip(),
                        smtpPort, security(form.smtpSecurity()).name(), imap ? form.imapHost().strip() : null, imapPort,
                        imap ? security(form.imapSecurity()).name() : null, blankToNull(form.username()), secret,
                        (form.auth() == null ? Auth.PASSWORD : form.auth()).name(), cap, spacing, zone, now, now)
                .update();
        return byId(organizationId, id).orElseThrow();
    }

    /** How to reach the mailbox, its secret decrypted for this one use. */
    @Transactional(readOnly = true)
    public MailboxSettings settings(UUID organizationId, UUID mailboxId) {
        return jdbc.sql("select " + COLUMNS + " from mailboxes where organization_id = ? and id = ?")
                .params(organizationId, mailboxId)
                .query((rs, i) -> {
                    Mailbox box = mailbox(rs, i);
                    String secret = cipher.decrypt(organizationId, rs.getString("secret_encrypted"));
                    return new MailboxSettings(box.address(), box.displayName(),
                            new Server(box.smtpHost(), box.smtpPort(), box.smtpSecurity()),
                            box.imapHost() == null ? null : new Server(box.imapHost(), box.imapPort(), box.imapSecurity()),
                            box.username(), secret, box.auth());
                })
                .optional()
                .orElseThrow(() -> new InvalidMailboxException("the mailbox no longer exists"));
    }

    /**
     * Takes one sending slot of the mailbox, or says when the next one opens. The row lock makes every worker count
     * against the same numbers; the caller's transaction holds it until the slot is recorded.
     *
     * @return empty when a slot was taken, else the instant the mailbox may send again
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Instant> takeSlot(UUID organizationId, UUID mailboxId) {
        record Window(int cap, int spacing, ZoneId zone, LocalDate day, int sent, Instant last) {
        }
        Window window = jdbc.sql("""
                        select daily_cap, min_spacing_seconds, time_zone, sent_day, sent_today, last_sent_at
                        from mailboxes where organization_id = ? and id = ? for update""")
                .params(organizationId, mailboxId)
                .query((rs, i) -> new Window(rs.getInt("daily_cap"), rs.getInt("min_spacing_seconds"),
                        ZoneId.of(rs.getString("time_zone")),
                        rs.getObject("sent_day", LocalDate.class), rs.getInt("sent_today"),
                        rs.getTimestamp("last_sent_at") == null ? null : rs.getTimestamp("last_sent_at").toInstant()))
                .single();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, window.zone());
        int sentToday = today.equals(window.day()) ? window.sent() : 0;
        if (sentToday >= window.cap()) {
            return Optional.of(today.plusDays(1).atStartOfDay(window.zone()).toInstant());
        }
        if (window.last() != null && window.last().plusSeconds(window.spacing()).isAfter(now)) {
            return Optional.of(window.last().plusSeconds(window.spacing()));
        }
        jdbc.sql("update mailboxes set sent_day = ?, sent_today = ?, last_sent_at = ? where id = ? and organization_id = ?")
                .params(today, sentToday + 1, Timestamp.from(now), mailboxId, organizationId).update();
        return Optional.empty();
    }

    private Mailbox mailbox(ResultSet rs, int row) throws SQLException {
        String imapSecurity = rs.getString("imap_security");
        return new Mailbox(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
                rs.getObject("user_id", UUID.class), rs.getString("address"), rs.getString("display_name"),
                rs.getString("smtp_host"), rs.getInt("smtp_port"), Security.valueOf(rs.getString("smtp_security")),
                rs.getString("imap_host"), (Integer) rs.getObject("imap_port"),
                imapSecurity == null ? null : Security.valueOf(imapSecurity), rs.getString("username"),
                rs.getString("secret_encrypted") != null, Auth.valueOf(rs.getString("auth")), rs.getInt("daily_cap"),
                rs.getInt("min_spacing_seconds"), rs.getString("time_zone"));
    }

    private static Security security(Security security) {
        return security == null ? Security.STARTTLS : security;
    }

    private static int port(Integer port, String what) {
        require(port != null && port > 0 && port <= 65535, what + " must be between 1 and 65535");
        return port;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidMailboxException(message);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
