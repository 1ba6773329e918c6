package dev.stellar.workers.email;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Addresses an organisation never writes to again: unsubscribed, bounced, or added by hand. */
@Repository
public class Suppressions {

    public enum Reason { UNSUBSCRIBED, BOUNCED, MANUAL }

    public record Suppression(String address, Reason reason, String detail, Instant since) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public Suppressions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Suppresses at once; the first reason recorded for an address stays. */
    @Transactional
    public void suppress(UUID organizationId, String address, Reason reason, String detail) {
        jdbc.sql("""
                        insert into email_suppressions (organization_id, address, reason, detail, created_at)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(organizationId, address.strip().toLowerCase(Locale.ROOT), reason.name(), detail,
                        Timestamp.from(clock.instant()))
                .update();
    }

    /** Those of the addresses that are suppressed. */
    @Transactional(readOnly = true)
    public List<Suppression> among(UUID organizationId, Collection<String> addresses) {
        if (addresses.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select address, reason, detail, created_at from email_suppressions
                        where organization_id = ? and address = any (?)""")
                .params(organizationId, addresses.stream().map(a -> a.toLowerCase(Locale.ROOT)).toArray(String[]::new))
                .query((rs, i) -> new Suppression(rs.getString("address"), Reason.valueOf(rs.getString("reason")),
                        rs.getString("detail"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    @Transactional(readOnly = true)
    public List<Suppression> all(UUID organizationId) {
        return jdbc.sql("select address, reason, detail, created_at from email_suppressions where organization_id = ?"
                        + " order by created_at desc")
                .params(organizationId)
                .query((rs, i) -> new Suppression(rs.getString("address"), Reason.valueOf(rs.getString("reason")),
                        rs.getString("detail"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }
}
