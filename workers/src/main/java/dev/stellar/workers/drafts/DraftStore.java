package dev.stellar.workers.drafts;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.stellar.workers.drafts.Draft.Grounding;
import dev.stellar.workers.persistence.JsonColumns;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** A meeting's drafts, always within one organisation. */
@Repository
public class DraftStore {

    private final JdbcClient jdbc;
    private final JsonColumns json;
    private final Clock clock;

    public DraftStore(JdbcClient jdbc, JsonColumns json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Replaces the meeting's untouched drafts; one a person approved, rejected or sent is kept as it is. A draft's id
     * comes from its meeting and kind, so the approval waiting for it keeps finding it when the meeting is analysed again.
     *
     * @param to where the e-mail goes, pre-filled for the approver
     * @return the id of the meeting's e-mail draft, if there is one
     */
    @Transactional
    public Optional<UUID> replace(UUID organizationId, UUID meetingId, List<Draft> drafts, List<String> to) {
        jdbc.sql("delete from drafts where meeting_id = ? and organization_id = ? and status = 'DRAFT' and kind <> all (?)"
                        + " and enrollment_id is null")
                .params(meetingId, organizationId, drafts.stream().map(d -> d.kind().name()).toArray(String[]::new))
                .update();
        Timestamp now = Timestamp.from(clock.instant());
        UUID emailDraft = null;
        for (Draft draft : drafts) {
            UUID id = idOf(meetingId, draft.kind());
            jdbc.sql("""
                            insert into drafts (id, organization_id, meeting_id, kind, recipients, subject, body, grounding,
                                                drafted_by, status, created_at, to_addresses)
                            values (?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?, 'DRAFT', ?, ?::jsonb)
                            on conflict (meeting_id, kind) where enrollment_id is null do update set recipients = excluded.recipients,
                                subject = excluded.subject, body = excluded.body, grounding = excluded.grounding,
                                drafted_by = excluded.drafted_by, to_addresses = excluded.to_addresses,
                                version = drafts.version + 1
                            where drafts.status = 'DRAFT'""")
                    .params(id, organizationId, meetingId, draft.kind().name(), json.write(draft.recipients()),
                            draft.subject(), draft.body(), json.write(draft.grounding()), draft.draftedBy(), now,
                            json.write(draft.kind() == Draft.Kind.EMAIL ? to : List.of()))
                    .update();
            if (draft.kind() == Draft.Kind.EMAIL) {
                emailDraft = jdbc.sql("select id from drafts where meeting_id = ? and organization_id = ? and kind = 'EMAIL'"
                                + " and enrollment_id is null")
                        .params(meetingId, organizationId).query(UUID.class).single();
            }
        }
        return Optional.ofNullable(emailDraft);
    }

    static UUID idOf(UUID meetingId, Draft.Kind kind) {
        return UUID.nameUUIDFromBytes((meetingId + ":" + kind.name()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Transactional(readOnly = true)
    public List<Draft> find(UUID organizationId, UUID meetingId) {
        return jdbc.sql("""
                        select kind, recipients::text as recipients, subject, body, grounding::text as grounding, drafted_by
                        from drafts
                        where meeting_id = ? and organization_id = ? and enrollment_id is null order by kind""")
                .params(meetingId, organizationId)
                .query((rs, i) -> new Draft(Draft.Kind.valueOf(rs.getString("kind")),
                        json.read(rs.getString("recipients"), new TypeReference<List<String>>() { }), rs.getString("subject"),
                        rs.getString("body"), json.read(rs.getString("grounding"), new TypeReference<List<Grounding>>() { }),
                        rs.getString("drafted_by")))
                .list();
    }
}
