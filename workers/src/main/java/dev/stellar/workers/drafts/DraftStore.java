package dev.stellar.workers.drafts;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.stellar.workers.drafts.Draft.Grounding;
import dev.stellar.workers.persistence.JsonColumns;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
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

    /** Replaces the meeting's untouched drafts; one a person approved, rejected or sent is kept as it is. */
    @Transactional
    public void replace(UUID organizationId, UUID meetingId, List<Draft> drafts) {
        jdbc.sql("delete from drafts where meeting_id = ? and organization_id = ? and status = 'DRAFT'")
                .params(meetingId, organizationId).update();
        Timestamp now = Timestamp.from(clock.instant());
        for (Draft draft : drafts) {
            jdbc.sql("""
                            insert into drafts (id, organization_id, meeting_id, kind, recipients, subject, body, grounding,
                                                drafted_by, status, created_at)
                            values (?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?, 'DRAFT', ?)
                            on conflict (meeting_id, kind) do nothing""")
                    .params(UUID.randomUUID(), organizationId, meetingId, draft.kind().name(), json.write(draft.recipients()),
                            draft.subject(), draft.body(), json.write(draft.grounding()), draft.draftedBy(), now)
                    .update();
        }
    }

    @Transactional(readOnly = true)
    public List<Draft> find(UUID organizationId, UUID meetingId) {
        return jdbc.sql("""
                        select kind, recipients::text as recipients, subject, body, grounding::text as grounding, drafted_by
                        from drafts
                        where meeting_id = ? and organization_id = ? order by kind""")
                .params(meetingId, organizationId)
                .query((rs, i) -> new Draft(Draft.Kind.valueOf(rs.getString("kind")),
                        json.read(rs.getString("recipients"), new TypeReference<List<String>>() { }), rs.getString("subject"),
                        rs.getString("body"), json.read(rs.getString("grounding"), new TypeReference<List<Grounding>>() { }),
                        rs.getString("drafted_by")))
                .list();
    }
}
