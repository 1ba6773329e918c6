package dev.stellar.workers.crm;

import dev.stellar.workers.account.Caller;
import dev.stellar.workers.crm.CrmChange.Status;
import dev.stellar.workers.meeting.MeetingAccess;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The CRM changes of meetings. Every query is scoped to one organisation; people see only what they may review. */
@Repository
public class CrmChangeStore {

    private static final String SELECT = """
            select c.*, n.name as connection_name, u.display_name as decided_by_name
            from crm_changes c join connections n on n.id = c.connection_id
                 join meetings m on m.id = c.meeting_id
                 left join users u on u.id = c.decided_by
            """;
    /** A change as proposed, before anyone decided it. */
    public record Proposal(UUID connectionId, String object, String objectLabel, String keyProperty, String recordKey,
                           String recordId, String property, String fieldKey, int position, String currentValue,
                           String proposedValue, Double confidence, String evidenceQuote, Long evidenceStartMs,
                           boolean autoApprove) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public CrmChangeStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Stores a proposal; proposing again refreshes a change nobody decided yet, and offers again one that failed or
     * expired; decided ones stay as they are. Ids are derived from the line, so a retried activity never doubles a change.
     */
    @Transactional
    public void propose(UUID organizationId, UUID meetingId, Proposal p) {
        UUID id = UUID.nameUUIDFromBytes((meetingId + "|" + p.connectionId() + "|" + p.object() + "|" + p.property())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into crm_changes (id, organization_id, meeting_id, connection_id, object, object_label,
                            key_property, record_key, record_id, property, field_key, position, current_value,
                            proposed_value, confidence, evidence_quote, evidence_start_ms, status, auto_applied,
                            decided_at, proposed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (meeting_id, connection_id, object, property) do update set
                            record_key = excluded.record_key, record_id = excluded.record_id,
                            current_value = excluded.current_value, proposed_value = excluded.proposed_value,
                            confidence = excluded.confidence, evidence_quote = excluded.evidence_quote,
                            evidence_start_ms = excluded.evidence_start_ms, field_key = excluded.field_key,
                            position = excluded.position, proposed_at = excluded.proposed_at,
                            status = excluded.status, auto_applied = excluded.auto_applied,
                            decided_by = null, decided_at = excluded.decided_at, escalated_at = null, error = null,
                            applied_value = null, before_value = null, before_read = false,
                            version = crm_changes.version + 1
                        where crm_changes.status in ('PROPOSED', 'FAILED', 'EXPIRED')""")
                .params(id, organizationId, meetingId, p.connectionId(), p.object(), p.objectLabel(), p.keyProperty(),
                        p.recordKey(), p.recordId(), p.property(), p.fieldKey(), p.position(), p.currentValue(),
                        p.proposedValue(), p.confidence(), p.evidenceQuote(), p.evidenceStartMs(),
                        (p.autoApprove() ? Status.APPROVED : Status.PROPOSED).name(), p.autoApprove(),
                        p.autoApprove() ? now : null, now)
                .update();
    }

    /** The meeting's changes as this person may see them; empty when they may not review this meeting. */
    @Transactional(readOnly = true)
    public List<CrmChange> visible(Caller caller, UUID meetingId) {
        return jdbc.sql(SELECT + " where c.organization_id = ? and c.meeting_id = ?" + MeetingAccess.VISIBLE
                        + " order by n.created_at, c.position")
                .params(caller.organizationId(), meetingId).params(MeetingAccess.parameters(caller))
                .query(this::change).list();
    }

    /** Whether this person may review the meeting's changes (the same rule as for seeing them). */
    @Transactional(readOnly = true)
    public boolean mayReview(Caller caller, UUID meetingId) {
        return jdbc.sql("select count(*) from meetings m where m.organization_id = ? and m.id = ?" + MeetingAccess.VISIBLE)
                .params(caller.organizationId(), meetingId).params(MeetingAccess.parameters(caller))
                .query(Integer.class).single() == 1;
    }

    /** Meetings with changes waiting for this person's review, newest first. */
    @Transactional(readOnly = true)
    public List<UUID> meetingsWaiting(Caller caller, int limit) {
        return jdbc.sql("select c.meeting_id from crm_changes c join meetings m on m.id = c.meeting_id"
                        + " where c.organization_id = ? and c.status = 'PROPOSED'" + MeetingAccess.VISIBLE
                        + " group by c.meeting_id order by max(c.proposed_at) desc limit ?")
                .params(caller.organizationId()).params(MeetingAccess.parameters(caller)).params(limit)
                .query(UUID.class).list();
    }

    @Transactional(readOnly = true)
    public int count(UUID organizationId, UUID meetingId, Status status) {
        return jdbc.sql("select count(*) from crm_changes where organization_id = ? and meeting_id = ? and status = ?")
                .params(organizationId, meetingId, status.name()).query(Integer.class).single();
    }

    @Transactional(readOnly = true)
    public int count(UUID organizationId, UUID meetingId) {
        return jdbc.sql("select count(*) from crm_changes where organization_id = ? and meeting_id = ?")
                .params(organizationId, meetingId).query(Integer.class).single();
    }

    @Transactional(readOnly = true)
    public List<CrmChange> withStatus(UUID organizationId, UUID meetingId, Status status) {
        return jdbc.sql(SELECT + " where c.organization_id = ? and c.meeting_id = ? and c.status = ? order by c.position")
                .params(organizationId, meetingId, status.name()).query(this::change).list();
    }

    /**
     * @param value the value to write: the proposed one, or the reviewer's edit
     * @return whether it was stored: {@code false} when the change was decided or edited meanwhile
     */
    @Transactional
    public boolean decide(UUID organizationId, UUID changeId, long version, Status decision, String value, UUID by) {
        return jdbc.sql("""
                        update crm_changes set status = ?, applied_value = ?, decided_by = ?, decided_at = ?,
                            version = version + 1
                        where id = ? and organization_id = ? and status = 'PROPOSED' and version = ?""")
                .params(decision.name(), value, by, Timestamp.from(clock.instant()), changeId, organizationId, version)
                .update() == 1;
    }

    @Transactional
    public int escalate(UUID organizationId, UUID meetingId) {
        return jdbc.sql("""
                        update crm_changes set escalated_at = coalesce(escalated_at, ?)
                        where organization_id = ? and meeting_id = ? and status = 'PROPOSED'""")
                .params(Timestamp.from(clock.instant()), organizationId, meetingId).update();
    }

    @Transactional
    public int expire(UUID organizationId, UUID meetingId) {
        return jdbc.sql("""
                        update crm_changes set status = 'EXPIRED', decided_at = ?, version = version + 1
                        where organization_id = ? and meeting_id = ? and status = 'PROPOSED'""")
                .params(Timestamp.from(clock.instant()), organizationId, meetingId).update();
    }

    /** What the CRM held before the first attempt to write the change, kept once whatever the retries see. */
    @Transactional
    public void beforeRead(UUID organizationId, UUID changeId, String before, boolean recordMissing) {
        jdbc.sql("""
                        update crm_changes set before_value = ?, record_created = ?, before_read = true
                        where id = ? and organization_id = ? and status = 'APPROVED' and not before_read""")
                .params(before, recordMissing, changeId, organizationId).update();
    }

    @Transactional
    public void applied(UUID organizationId, UUID changeId, String recordId, String written) {
        jdbc.sql("""
                        update crm_changes set status = 'APPLIED', record_id = ?, applied_value = ?, applied_at = ?,
                            error = null, version = version + 1
                        where id = ? and organization_id = ? and status = 'APPROVED'""")
                .params(recordId, written, Timestamp.from(clock.instant()), changeId, organizationId).update();
    }

    @Transactional
    public void failed(UUID organizationId, UUID changeId, String error) {
        jdbc.sql("""
                        update crm_changes set status = 'FAILED', error = ?, version = version + 1
                        where id = ? and organization_id = ? and status = 'APPROVED'""")
                .params(error, changeId, organizationId).update();
    }

    /** Changes of other meetings written to the same record (not undone): what an undo of its creation would destroy. */
    @Transactional(readOnly = true)
    public int appliedByOthers(UUID organizationId, UUID connectionId, String object, String recordKey, UUID meetingId) {
        return jdbc.sql("""
                        select count(*) from crm_changes where organization_id = ? and connection_id = ? and object = ?
                          and record_key = ? and meeting_id <> ? and status = 'APPLIED'""")
                .params(organizationId, connectionId, object, recordKey, meetingId).query(Integer.class).single();
    }

    @Transactional
    public boolean undone(UUID organizationId, UUID changeId, UUID by) {
        return jdbc.sql("""
                        update crm_changes set status = 'UNDONE', decided_by = ?, decided_at = ?, version = version + 1
                        where id = ? and organization_id = ? and status = 'APPLIED'""")
                .params(by, Timestamp.from(clock.instant()), changeId, organizationId).update() == 1;
    }

    private CrmChange change(ResultSet rs, int row) throws SQLException {
        java.math.BigDecimal confidence = rs.getBigDecimal("confidence");
        return new CrmChange(rs.getObject("id", UUID.class), rs.getObject("meeting_id", UUID.class),
                rs.getObject("connection_id", UUID.class), rs.getString("connection_name"), rs.getString("object"),
                rs.getString("object_label"), rs.getString("key_property"), rs.getString("record_key"),
                rs.getString("record_id"), rs.getString("property"), rs.getString("field_key"),
                rs.getString("current_value"), rs.getString("proposed_value"),
                confidence == null ? null : confidence.doubleValue(), rs.getString("evidence_quote"),
                (Long) rs.getObject("evidence_start_ms"), Status.valueOf(rs.getString("status")),
                rs.getBoolean("auto_applied"), rs.getString("decided_by_name"), instant(rs, "decided_at"),
                instant(rs, "escalated_at"), rs.getString("before_value"), rs.getString("applied_value"),
                instant(rs, "applied_at"), rs.getBoolean("record_created"), rs.getBoolean("before_read"), rs.getString("error"),
                rs.getLong("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
