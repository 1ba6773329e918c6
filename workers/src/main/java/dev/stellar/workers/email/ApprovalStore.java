package dev.stellar.workers.email;

import dev.stellar.workers.meeting.MeetingAccess;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.drafts.Draft.Grounding;
import dev.stellar.workers.email.InboxItem.DraftStatus;
import dev.stellar.workers.persistence.JsonColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Drafted e-mails waiting for, or past, a person's decision. Every statement filters on the organisation. */
@Repository
public class ApprovalStore {

    private static final String SELECT = """
            select d.id, d.meeting_id, m.title as meeting_title, m.owner_id, o.display_name as owner_name,
                   d.recipients::text as recipients, d.to_addresses::text as to_addresses,
                   d.cc_addresses::text as cc_addresses, d.subject, d.body, d.grounding::text as grounding, d.drafted_by,
                   d.status, d.created_at, d.expires_at, d.reminded_at, dec.display_name as decided_by, d.decided_at,
                   d.decision_note, d.send_at, d.delivery_note, d.version, d.enrollment_id, d.step, d.sequence_key
            from drafts d
            join meetings m on m.id = d.meeting_id and m.organization_id = d.organization_id
            left join users o on o.id = m.owner_id
            left join users dec on dec.id = d.decided_by
            """;

    /** What a person may see: a rep their own meetings' drafts, a manager the team's, admins and ops all. */
    private final JdbcClient jdbc;
    private final JsonColumns json;
    private final Clock clock;

    public ApprovalStore(JdbcClient jdbc, JsonColumns json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** @param statuses empty for all */
    @Transactional(readOnly = true)
    public List<InboxItem> inbox(Caller caller, List<DraftStatus> statuses, int limit) {
        String[] wanted = statuses.stream().map(Enum::name).toArray(String[]::new);
        return jdbc.sql(SELECT + " where d.organization_id = ? and d.kind = 'EMAIL' and (cardinality(?) = 0 or d.status = any (?))"
                        + MeetingAccess.VISIBLE + " order by (d.status = 'DRAFT') desc, d.created_at desc limit ?")
                .params(caller.organizationId(), wanted, wanted).params(MeetingAccess.parameters(caller)).params(limit)
                .query(this::item).list();
    }

    @Transactional(readOnly = true)
    public Optional<InboxItem> visible(Caller caller, UUID draftId) {
        return jdbc.sql(SELECT + " where d.organization_id = ? and d.id = ? and d.kind = 'EMAIL'" + MeetingAccess.VISIBLE)
                .params(caller.organizationId(), draftId).params(MeetingAccess.parameters(caller))
                .query(this::item).optional();
    }

    /** For the workflow's activities, which act for the organisation, not a person. */
    @Transactional(readOnly = true)
    public Optional<InboxItem> find(UUID organizationId, UUID draftId) {
        return jdbc.sql(SELECT + " where d.organization_id = ? and d.id = ? and d.kind = 'EMAIL'")
                .params(organizationId, draftId).query(this::item).optional();
    }

    /** Sets when a waiting draft expires, once. */
    @Transactional
    public void open(UUID organizationId, UUID draftId, Instant expiresAt) {
        jdbc.sql("update drafts set expires_at = coalesce(expires_at, ?) where id = ? and organization_id = ? and status = 'DRAFT'")
                .params(Timestamp.from(expiresAt), draftId, organizationId).update();
    }

    @Transactional
    public boolean markReminded(UUID organizationId, UUID draftId) {
        return jdbc.sql("update drafts set reminded_at = ? where id = ? and organization_id = ? and status = 'DRAFT'")
                .params(Timestamp.from(clock.instant()), draftId, organizationId).update() == 1;
    }

    /** @return whether it expired; {@code false} when a decision got there first */
    @Transactional
    public boolean expire(UUID organizationId, UUID draftId) {
        return jdbc.sql("""
                        update drafts set status = 'EXPIRED', decided_at = ?, version = version + 1
                        where id = ? and organization_id = ? and status = 'DRAFT'""")
                .params(Timestamp.from(clock.instant()), draftId, organizationId).update() == 1;
    }

    /** @return whether the decision was stored: {@code false} when the draft changed or was decided meanwhile */
    @Transactional
    public boolean approve(UUID organizationId, UUID draftId, long version, UUID decidedBy, List<String> to, List<String> cc,
                           String subject, String body, Instant sendAt, String sequenceKey) {
        return jdbc.sql("""
                        update drafts set status = 'APPROVED', to_addresses = ?::jsonb, cc_addresses = ?::jsonb, subject = ?,
                                          body = ?, send_at = ?, decided_by = ?, decided_at = ?, sequence_key = ?,
                                          version = version + 1
                        where id = ? and organization_id = ? and status = 'DRAFT' and version = ?""")
                .params(json.write(to), json.write(cc), subject, body, Timestamp.from(sendAt), decidedBy,
                        Timestamp.from(clock.instant()), sequenceKey, draftId, organizationId, version)
                .update() == 1;
    }

    @Transactional
    public boolean reject(UUID organizationId, UUID draftId, UUID decidedBy, String reason) {
        return jdbc.sql("""
                        update drafts set status = 'REJECTED', decision_note = ?, decided_by = ?, decided_at = ?,
                                          version = version + 1
                        where id = ? and organization_id = ? and status = 'DRAFT'""")
                .params(reason, decidedBy, Timestamp.from(clock.instant()), draftId, organizationId)
                .update() == 1;
    }

    /** Records how sending ended (SENT, SUPPRESSED, FAILED) or why it waits (a note on an APPROVED draft). */
    @Transactional
    public void recordDelivery(UUID organizationId, UUID draftId, DraftStatus status, String note) {
        jdbc.sql("update drafts set status = ?, delivery_note = ?, version = version + 1 where id = ? and organization_id = ?"
                        + " and status in ('APPROVED', ?)")
                .params(status.name(), note, draftId, organizationId, status.name()).update();
    }

    /** A sequence step waiting for review, in the inbox beside the meeting's follow-up. @return its id */
    @Transactional
    public UUID draftStep(UUID organizationId, UUID meetingId, UUID enrollmentId, int step, String to, String subject,
                          String body, String draftedBy) {
        UUID id = UUID.nameUUIDFromBytes((enrollmentId + ":" + step).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        jdbc.sql("""
                        insert into drafts (id, organization_id, meeting_id, kind, recipients, subject, body, grounding,
                                            drafted_by, status, created_at, to_addresses, enrollment_id, step)
                        values (?, ?, ?, 'EMAIL', '[]'::jsonb, ?, ?, '[]'::jsonb, ?, 'DRAFT', ?, ?::jsonb, ?, ?)
                        on conflict do nothing""")
                .params(id, organizationId, meetingId, subject, body, draftedBy, Timestamp.from(clock.instant()),
                        json.write(List.of(to)), enrollmentId, step)
                .update();
        return id;
    }

    /** The Message-ID the draft went out with, once sent. */
    @Transactional(readOnly = true)
    public Optional<String> sentMessageId(UUID organizationId, UUID draftId) {
        return jdbc.sql("select message_id from outbound_emails where organization_id = ? and draft_id = ? and status = 'SENT'")
                .params(organizationId, draftId).query(String.class).optional();
    }

    /** Drafts whose approval workflow must exist: waiting, or approved and not yet sent. */
    @Transactional(readOnly = true)
    public List<DraftKey> unfinished(java.time.Duration quietPeriod, int limit) {
        return jdbc.sql("""
                        select d.organization_id, d.id from drafts d join meetings m on m.id = d.meeting_id
                        where d.kind = 'EMAIL' and d.status in ('DRAFT', 'APPROVED') and m.status = 'COMPLETED'
                          and m.updated_at < ?
                        order by d.created_at limit ?""")
                .params(Timestamp.from(clock.instant().minus(quietPeriod)), limit)
                .query((rs, i) -> new DraftKey(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
    }

    public record DraftKey(UUID organizationId, UUID draftId) {
    }

    private InboxItem item(ResultSet rs, int row) throws SQLException {
        TypeReference<List<String>> strings = new TypeReference<>() { };
        return new InboxItem(rs.getObject("id", UUID.class), rs.getObject("meeting_id", UUID.class),
                rs.getString("meeting_title"), rs.getObject("owner_id", UUID.class), rs.getString("owner_name"),
                json.read(rs.getString("recipients"), strings), json.read(rs.getString("to_addresses"), strings),
                json.read(rs.getString("cc_addresses"), strings), rs.getString("subject"), rs.getString("body"),
                json.read(rs.getString("grounding"), new TypeReference<List<Grounding>>() { }), rs.getString("drafted_by"),
                DraftStatus.valueOf(rs.getString("status")), instant(rs, "created_at"), instant(rs, "expires_at"),
                instant(rs, "reminded_at"), rs.getString("decided_by"), instant(rs, "decided_at"),
                rs.getString("decision_note"), instant(rs, "send_at"), rs.getString("delivery_note"), rs.getLong("version"),
                rs.getObject("enrollment_id", UUID.class), (Integer) rs.getObject("step"), rs.getString("sequence_key"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
