package dev.stellar.workers.metrics;

import static dev.stellar.workers.persistence.ResultSets.nullableDouble;
import static dev.stellar.workers.persistence.ResultSets.nullableLong;

import dev.stellar.workers.metrics.ConversationMetrics.Monologue;
import dev.stellar.workers.metrics.ConversationMetrics.SpeakerMetrics;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Conversation metrics per meeting and speaker. Writes replace; every statement filters on the organisation. */
@Repository
public class MetricsStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;

    public MetricsStore(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    @Transactional
    public void replace(UUID organizationId, UUID meetingId, ConversationMetrics m) {
        jdbc.sql("delete from speaker_metrics where meeting_id = ? and organization_id = ?").params(meetingId, organizationId).update();
        jdbc.sql("delete from meeting_metrics where meeting_id = ? and organization_id = ?").params(meetingId, organizationId).update();
        Monologue rep = m.longestRepMonologue();
        Monologue story = m.longestCustomerStory();
        jdbc.sql("""
                        insert into meeting_metrics (meeting_id, organization_id, duration_ms, rep_talk_ratio,
                            longest_rep_monologue_speaker, longest_rep_monologue_start_ms, longest_rep_monologue_ms,
                            longest_customer_story_speaker, longest_customer_story_start_ms, longest_customer_story_ms,
                            rep_questions, customer_questions, switches_per_minute, patience_ms, rep_words_per_minute,
                            rep_fillers_per_100_words, computed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(meetingId, organizationId, m.durationMs(), m.repTalkRatio(),
                        rep == null ? null : rep.speaker(), rep == null ? null : rep.startMs(), rep == null ? null : rep.durationMs(),
                        story == null ? null : story.speaker(), story == null ? null : story.startMs(),
                        story == null ? null : story.durationMs(),
                        m.repQuestions(), m.customerQuestions(), m.switchesPerMinute(), m.patienceMs(), m.repWordsPerMinute(),
                        m.repFillersPer100Words(), Timestamp.from(clock.instant()))
                .update();
        template.batchUpdate("""
                        insert into speaker_metrics (meeting_id, organization_id, speaker, rep, words, talk_ms, talk_ratio,
                            words_per_minute, questions, filler_words, longest_turn_ms)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                m.speakers(), 100, (ps, s) -> {
                    ps.setObject(1, meetingId);
                    ps.setObject(2, organizationId);
                    ps.setString(3, s.speaker());
                    ps.setBoolean(4, s.rep());
                    ps.setInt(5, s.words());
                    ps.setLong(6, s.talkMs());
                    ps.setDouble(7, s.talkRatio());
                    ps.setObject(8, s.wordsPerMinute(), Types.NUMERIC);
                    ps.setInt(9, s.questions());
                    ps.setInt(10, s.fillerWords());
                    ps.setLong(11, s.longestTurnMs());
                });
    }

    @Transactional(readOnly = true)
    public Optional<ConversationMetrics> find(UUID organizationId, UUID meetingId) {
        List<SpeakerMetrics> speakers = jdbc.sql("""
                        select * from speaker_metrics where meeting_id = ? and organization_id = ?
                        order by talk_ratio desc, speaker""")
                .params(meetingId, organizationId)
                .query((rs, i) -> new SpeakerMetrics(rs.getString("speaker"), rs.getBoolean("rep"), rs.getInt("words"),
                        rs.getLong("talk_ms"), rs.getDouble("talk_ratio"), nullableDouble(rs, "words_per_minute"),
                        rs.getInt("questions"), rs.getInt("filler_words"), rs.getLong("longest_turn_ms")))
                .list();
        return jdbc.sql("select * from meeting_metrics where meeting_id = ? and organization_id = ?")
                .params(meetingId, organizationId)
                .query((rs, i) -> new ConversationMetrics(nullableLong(rs, "duration_ms"), nullableDouble(rs, "rep_talk_ratio"),
                        monologue(rs, "longest_rep_monologue"), monologue(rs, "longest_customer_story"),
                        rs.getInt("rep_questions"), rs.getInt("customer_questions"), nullableDouble(rs, "switches_per_minute"),
                        nullableLong(rs, "patience_ms"), nullableDouble(rs, "rep_words_per_minute"),
                        nullableDouble(rs, "rep_fillers_per_100_words"), speakers))
                .optional();
    }

    private static Monologue monologue(ResultSet rs, String prefix) throws SQLException {
        String speaker = rs.getString(prefix + "_speaker");
        return speaker == null ? null
                : new Monologue(speaker, rs.getLong(prefix + "_start_ms"), rs.getLong(prefix + "_ms"));
    }
}
