package dev.stellar.workers.coaching;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.stellar.workers.coaching.CallScore.CriterionResult;
import dev.stellar.workers.coaching.CallScore.Improvement;
import dev.stellar.workers.persistence.JsonColumns;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Scorecards and the coaching they suggest, per meeting and always within one organisation. */
@Repository
public class CoachingStore {

    private final JdbcClient jdbc;
    private final JsonColumns json;
    private final Clock clock;

    public CoachingStore(JdbcClient jdbc, JsonColumns json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Replaces the meeting's scorecard and its suggested coaching tasks; tasks a person already took up (open, done,
     * dismissed) stay as they are.
     */
    @Transactional
    public void replace(UUID organizationId, UUID meetingId, UUID assigneeId, CallScore score) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("delete from scorecards where meeting_id = ? and organization_id = ?").params(meetingId, organizationId).update();
        jdbc.sql("""
                        insert into scorecards (meeting_id, organization_id, scorecard_key, scored_by, score, criteria,
                                                strengths, improvements, scored_at)
                        values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?)""")
                .params(meetingId, organizationId, score.scorecardKey(), score.scoredBy(), Math.round(score.score() * 1000) / 1000.0,
                        json.write(score.criteria()), json.write(score.strengths()), json.write(score.improvements()), now)
                .update();
        jdbc.sql("delete from coaching_tasks where meeting_id = ? and organization_id = ? and status = 'SUGGESTED'")
                .params(meetingId, organizationId).update();
        for (Improvement improvement : score.improvements()) {
            jdbc.sql("""
                            insert into coaching_tasks (id, organization_id, meeting_id, assignee_id, criterion_key, title,
                                                        moment_seq, moment_ms, status, created_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, 'SUGGESTED', ?)
                            on conflict (meeting_id, criterion_key) do nothing""")
                    .params(UUID.randomUUID(), organizationId, meetingId, assigneeId, improvement.criterionKey(),
                            improvement.tip(), improvement.momentSeq(), improvement.momentMs(), now)
                    .update();
        }
    }

    @Transactional(readOnly = true)
    public Optional<CallScore> find(UUID organizationId, UUID meetingId) {
        return jdbc.sql("""
                        select scorecard_key, scored_by, score, criteria::text as criteria, strengths::text as strengths,
                               improvements::text as improvements
                        from scorecards where meeting_id = ? and organization_id = ?""")
                .params(meetingId, organizationId)
                .query((rs, i) -> new CallScore(rs.getString("scorecard_key"), Scorecards.nameOf(rs.getString("scorecard_key")),
                        rs.getDouble("score"),
                        json.read(rs.getString("criteria"), new TypeReference<List<CriterionResult>>() { }),
                        json.read(rs.getString("strengths"), new TypeReference<List<String>>() { }),
                        json.read(rs.getString("improvements"), new TypeReference<List<Improvement>>() { }),
                        rs.getString("scored_by")))
                .optional();
    }
}
