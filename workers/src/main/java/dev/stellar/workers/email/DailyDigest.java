package dev.stellar.workers.email;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import dev.stellar.workers.runtime.StellarProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Each manager's morning e-mail: their team's meetings of the day before, the follow-ups and CRM changes waiting for
 * review (with those escalated past the review policy's reminder), and the coaching tasks open. Sent from the organisation's mailbox (else the manager's own), once per manager and day.
 */
@Service
public class DailyDigest {

    private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);

    private record Manager(UUID organizationId, UUID userId, String email, String name, UUID teamId) {
    }

    private final JdbcClient jdbc;
    private final MailboxStore mailboxes;
    private final EmailDelivery delivery;
    private final EmailProperties properties;
    private final StellarProperties stellar;
    private final Clock clock;

    public DailyDigest(JdbcClient jdbc, MailboxStore mailboxes, EmailDelivery delivery, EmailProperties properties,
                       StellarProperties stellar, Clock clock) {
        this.stellar = stellar;
        this.jdbc = jdbc;
        this.mailboxes = mailboxes;
        this.delivery = delivery;
        this.properties = properties;
        this.clock = clock;
    }

    public int sendForYesterday() {
        ZoneId zone = ZoneId.of(properties.digestZone());
        return send(LocalDate.now(clock.withZone(zone)).minusDays(1), zone);
    }

    /** @return how many digests went out (or had gone out before) */
    public int send(LocalDate day, ZoneId zone) {
        int sent = 0;
        for (Manager manager : jdbc.sql("select organization_id, id, email, display_name, team_id from users where role = 'MANAGER'")
                .query((rs, i) -> new Manager(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getObject(5, UUID.class))).list()) {
            try {
                sent += send(manager, day, zone) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("Digest for {} not sent: {}", manager.email(), e.getMessage());
            }
        }
        return sent;
    }

    private boolean send(Manager manager, LocalDate day, ZoneId zone) {
        Optional<Mailbox> mailbox = mailboxes.find(manager.organizationId(), null)
                .or(() -> mailboxes.find(manager.organizationId(), manager.userId()));
        if (mailbox.isEmpty()) {
            return false;
        }
        ZonedDateTime from = day.atStartOfDay(zone);
        String team = " and m.owner_id in (select u.id from users u where u.organization_id = m.organization_id"
                + " and (cast(? as uuid) is null or u.team_id = ?))";
        List<String> meetings = jdbc.sql("select m.title || ' (' || lower(m.status) || ')' from meetings m"
                        + " where m.organization_id = ? and coalesce(m.started_at, m.created_at) >= ?"
                        + " and coalesce(m.started_at, m.created_at) < ?" + team + " order by m.created_at")
                .params(manager.organizationId(), Timestamp.from(from.toInstant()),
                        Timestamp.from(from.plusDays(1).toInstant()), manager.teamId(), manager.teamId())
                .query(String.class).list();
        int waiting = jdbc.sql("select count(*) from drafts d join meetings m on m.id = d.meeting_id where d.organization_id = ?"
                        + " and d.kind = 'EMAIL' and d.status = 'DRAFT'" + team)
                .params(manager.organizationId(), manager.teamId(), manager.teamId()).query(Integer.class).single();
        int coaching = jdbc.sql("select count(*) from coaching_tasks t join meetings m on m.id = t.meeting_id"
                        + " where t.organization_id = ? and t.status in ('SUGGESTED', 'OPEN')" + team)
                .params(manager.organizationId(), manager.teamId(), manager.teamId()).query(Integer.class).single();
        // the CRM changes still waiting, and those past the review policy's reminder: escalated to the manager
        List<Integer> crm = jdbc.sql("select count(*), count(c.escalated_at) from crm_changes c join meetings m"
                        + " on m.id = c.meeting_id where c.organization_id = ? and c.status = 'PROPOSED'" + team)
                .params(manager.organizationId(), manager.teamId(), manager.teamId())
                .query((rs, i) -> List.of(rs.getInt(1), rs.getInt(2))).single();
        StringBuilder body = new StringBuilder("Good morning, ").append(manager.name().split("\\s+")[0]).append(".\n\n");
        body.append("Meetings on ").append(day).append(": ").append(meetings.size()).append('\n');
        meetings.forEach(m -> body.append("  - ").append(m).append('\n'));
        body.append("\nFollow-ups waiting for approval: ").append(waiting).append('\n');
        body.append("CRM changes waiting for review: ").append(crm.get(0))
                .append(crm.get(1) > 0 ? " (" + crm.get(1) + " overdue, escalated to you)" : "").append('\n');
        body.append("Coaching tasks open: ").append(coaching).append('\n');
        body.append("\nOpen Stellar: ").append(stellar.publicUrl()).append('\n');
        delivery.deliver(new EmailDelivery.Request(manager.organizationId(),
                "digest:" + manager.organizationId() + ":" + manager.userId() + ":" + day, mailbox.get().id(), null,
                List.of(manager.email()), List.of(), "Stellar daily digest for " + day, body.toString(), Map.of()));
        return true;
    }
}
