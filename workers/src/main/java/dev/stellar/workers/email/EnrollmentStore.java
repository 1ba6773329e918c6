package dev.stellar.workers.email;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.stellar.workers.email.Enrollment.Event;
import dev.stellar.workers.email.Enrollment.Status;
import dev.stellar.workers.persistence.JsonColumns;
import dev.stellar.workflows.email.EmailSequenceWorkflow.StopReason;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Sequence enrollments and their history. Every statement filters on the organisation. */
@Repository
public class EnrollmentStore {

    private static final String SELECT = """
            select e.id, e.organization_id, e.template_key, e.template_version, e.meeting_id, m.title as meeting_title,
                   e.owner_id, u.display_name as owner_name, e.contact_email, e.contact_name, e.status, e.stop_reason,
                   e.stop_detail, e.steps_sent, e.next_step_at, e.last_sent_at, e.thread_message_ids::text as thread,
                   e.created_at
            from sequence_enrollments e
            left join meetings m on m.id = e.meeting_id
            left join users u on u.id = e.owner_id
            """;

    private final JdbcClient jdbc;
    private final JsonColumns json;
    private final Clock clock;

    public EnrollmentStore(JdbcClient jdbc, JsonColumns json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** @return the new enrollment's id, or empty when this contact is in this sequence for this meeting already */
    @Transactional
    public Optional<UUID> create(UUID organizationId, String templateKey, Integer templateVersion, UUID meetingId,
                                 UUID ownerId, String contactEmail, String contactName, List<String> thread) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        int created = jdbc.sql("""
                        insert into sequence_enrollments (id, organization_id, template_key, template_version, meeting_id,
                                                          owner_id, contact_email, contact_name, status, thread_message_ids,
                                                          created_at, updated_at, last_sent_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?::jsonb, ?, ?, ?)
                        on conflict do nothing""")
                .params(id, organizationId, templateKey, templateVersion, meetingId, ownerId, contactEmail, contactName,
                        json.write(thread), now, now, now)
                .update();
        if (created == 0) {
            return Optional.empty();
        }
        event(organizationId, id, "ENROLLED", contactEmail + " in " + templateKey);
        return Optional.of(id);
    }

    @Transactional(readOnly = true)
    public Optional<Enrollment> find(UUID organizationId, UUID id) {
        return jdbc.sql(SELECT + " where e.organization_id = ? and e.id = ?").params(organizationId, id)
                .query(this::enrollment).optional();
    }

    /** @param contact an address to filter on, or {@code null} for all; newest first */
    @Transactional(readOnly = true)
    public List<Enrollment> list(UUID organizationId, String contact, int limit) {
        return jdbc.sql(SELECT + " where e.organization_id = ? and (cast(? as text) is null or e.contact_email = ?)"
                        + " order by e.created_at desc limit ?")
                .params(organizationId, contact, contact, limit)
                .query(this::enrollment).list();
    }

    /** Running enrollments a message from {@code from} answers: in one of their threads, or simply from their contact. */
    @Transactional(readOnly = true)
    public List<Enrollment> answeredBy(UUID organizationId, String from, Collection<String> threadIds) {
        return jdbc.sql(SELECT + """
                         where e.organization_id = ? and e.status in ('ACTIVE', 'PAUSED')
                           and (e.contact_email = ? or exists (select 1 from jsonb_array_elements_text(e.thread_message_ids) t
                                                               where t.value = any (?)))""")
                .params(organizationId, from == null ? "" : from.toLowerCase(java.util.Locale.ROOT),
                        threadIds.toArray(String[]::new))
                .query(this::enrollment).list();
    }

    @Transactional(readOnly = true)
    public List<Enrollment> runningFor(UUID organizationId, Collection<String> contacts) {
        return jdbc.sql(SELECT + " where e.organization_id = ? and e.status in ('ACTIVE', 'PAUSED') and e.contact_email = any (?)")
                .params(organizationId, contacts.stream().map(c -> c.toLowerCase(java.util.Locale.ROOT)).toArray(String[]::new))
                .query(this::enrollment).list();
    }

    /** Records a sent step: one more step, the message joins the thread. */
    @Transactional
    public void recordSent(UUID organizationId, UUID id, int step, String messageId) {
        jdbc.sql("""
                        update sequence_enrollments set steps_sent = greatest(steps_sent, ?), last_sent_at = ?,
                            thread_message_ids = thread_message_ids || to_jsonb(cast(? as text)), updated_at = ?
                        where id = ? and organization_id = ?
                          and not exists (select 1 from jsonb_array_elements_text(thread_message_ids) t where t.value = ?)""")
                .params(step + 1, Timestamp.from(clock.instant()), messageId, Timestamp.from(clock.instant()), id,
                        organizationId, messageId)
                .update();
        event(organizationId, id, "SENT", "Step " + (step + 1) + " as <" + messageId + ">");
    }

    @Transactional
    public void scheduled(UUID organizationId, UUID id, Instant nextStepAt) {
        jdbc.sql("update sequence_enrollments set next_step_at = ? where id = ? and organization_id = ?")
                .params(nextStepAt == null ? null : Timestamp.from(nextStepAt), id, organizationId).update();
    }

    /**
     * Moves a running enrollment to {@code to}; a finished or stopped one stays as it is.
     *
     * @return whether it changed
     */
    @Transactional
    public boolean transition(UUID organizationId, UUID id, Status to, StopReason reason, String detail, String who) {
        int changed = jdbc.sql("""
                        update sequence_enrollments set status = ?, stop_reason = ?, stop_detail = ?, updated_at = ?,
                            next_step_at = case when ? in ('STOPPED', 'FINISHED') then null else next_step_at end
                        where id = ? and organization_id = ? and status in ('ACTIVE', 'PAUSED') and status <> ?""")
                .params(to.name(), reason == null ? null : reason.name(), detail, Timestamp.from(clock.instant()), to.name(),
                        id, organizationId, to.name())
                .update();
        if (changed == 1) {
            event(organizationId, id, to.name(), (reason == null ? "" : reason.name() + ": ")
                    + (detail == null ? "" : detail) + (who == null ? "" : " (" + who + ")"));
        }
        return changed == 1;
    }

    @Transactional
    public void event(UUID organizationId, UUID id, String kind, String detail) {
        jdbc.sql("insert into sequence_events (enrollment_id, organization_id, at, kind, detail) values (?, ?, ?, ?, ?)")
                .params(id, organizationId, Timestamp.from(clock.instant()), kind, detail).update();
    }

    @Transactional(readOnly = true)
    public List<Event> history(UUID organizationId, UUID id) {
        return jdbc.sql("select at, kind, detail from sequence_events where organization_id = ? and enrollment_id = ? order by at")
                .params(organizationId, id)
                .query((rs, i) -> new Event(rs.getTimestamp("at").toInstant(), rs.getString("kind"), rs.getString("detail")))
                .list();
    }

    /** Running enrollments, for the resumer. */
    @Transactional(readOnly = true)
    public List<Enrollment> running(int limit) {
        return jdbc.sql(SELECT + " where e.status in ('ACTIVE', 'PAUSED') order by e.updated_at limit ?").params(limit)
                .query(this::enrollment).list();
    }

    private Enrollment enrollment(ResultSet rs, int row) throws SQLException {
        String reason = rs.getString("stop_reason");
        return new Enrollment(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
                rs.getString("template_key"), (Integer) rs.getObject("template_version"),
                rs.getObject("meeting_id", UUID.class), rs.getString("meeting_title"), rs.getObject("owner_id", UUID.class),
                rs.getString("owner_name"), rs.getString("contact_email"), rs.getString("contact_name"),
                Status.valueOf(rs.getString("status")), reason == null ? null : StopReason.valueOf(reason),
                rs.getString("stop_detail"), rs.getInt("steps_sent"), instant(rs, "next_step_at"),
                instant(rs, "last_sent_at"), json.read(rs.getString("thread"), new TypeReference<List<String>>() { }),
                instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
