package dev.stellar.workers.meeting;

import dev.stellar.workers.email.EmailAddresses;
import static dev.stellar.workers.persistence.ResultSets.nullableInstant;
import static dev.stellar.workers.persistence.ResultSets.nullableLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.stellar.workers.persistence.JsonColumns;
import dev.stellar.workers.secrets.SecretCipher;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stellar.workers.meeting.MeetingDetail.Insight;
import dev.stellar.workers.meeting.MeetingDetail.Participant;
import dev.stellar.workers.meeting.MeetingDetail.UtteranceView;
import dev.stellar.workers.transcript.Transcript;
import dev.stellar.workers.transcript.TranscriptFormat;
import dev.stellar.workers.transcript.Utterance;
import dev.stellar.workflows.meeting.MeetingActivities.ExtractedField;
import dev.stellar.workflows.meeting.MeetingStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transcripts, participants and insights of meetings. Writes replace what an earlier attempt wrote,
 * so a retried activity leaves exactly one copy. Every statement filters on the organisation.
 */
@Repository
public class MeetingStore {

    private static final String SUMMARY_SELECT = """
            select m.id, m.title, m.platform, m.status, m.status_reason, u.display_name as owner_name,
                   m.started_at, m.created_at, t.duration_ms,
                   (select count(*) from meeting_participants p where p.meeting_id = m.id) as participant_count
            from meetings m
            left join users u on u.id = m.owner_id
            left join transcripts t on t.meeting_id = m.id
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final MeetingRepository meetings;
    private final MeetingChangeFeed changes;
    private final ObjectMapper json;
    private final JsonColumns columns;
    private final SecretCipher cipher;
    private final Clock clock;

    public MeetingStore(JdbcClient jdbc, JdbcTemplate template, MeetingRepository meetings, MeetingChangeFeed changes,
                        ObjectMapper json, JsonColumns columns, SecretCipher cipher, Clock clock) {
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.template = template;
        this.meetings = meetings;
        this.changes = changes;
        this.json = json;
        this.columns = columns;
        this.clock = clock;
    }

    @Transactional
    public Meeting insert(Meeting meeting, List<Attendee> attendees) {
        Meeting saved = meetings.save(meeting);
        jdbc.sql("update meetings set attendees = ?::jsonb where id = ? and organization_id = ?")
                .params(columns.write(attendees), saved.id(), saved.organizationId()).update();
        changes.publish(new MeetingChange(saved.organizationId(), saved.id(), saved.status()));
        return saved;
    }

    /**
     * Stores a meeting captured from a platform, with what to download, unless the platform announced it before (a
     * retried or concurrent delivery): then the stored one is returned and nothing changes.
     */
    @Transactional
    public Meeting captureOnce(Meeting meeting, UUID connectionId, String downloadUrl, String downloadToken) {
        int inserted = jdbc.sql("""
                        insert into meetings (id, organization_id, platform, external_id, title, started_at, time_zone, owner_id,
                                              status, workflow_id, transcript_file_name, created_at, updated_at, version,
                                              field_schema, field_schema_version, connection_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?, ?, ?, 0, ?, ?, ?)
                        on conflict (organization_id, platform, external_id) do nothing""")
                .params(meeting.id(), meeting.organizationId(), meeting.platform().name(), meeting.externalId(),
                        meeting.title(), meeting.startedAt() == null ? null : Timestamp.from(meeting.startedAt()),
                        meeting.timeZone(), meeting.ownerId(), meeting.workflowId(), meeting.transcriptFileName(),
                        Timestamp.from(meeting.createdAt()), Timestamp.from(meeting.updatedAt()), meeting.fieldSchema(),
                        meeting.fieldSchemaVersion(), connectionId)
                .update();
        UUID id = jdbc.sql("select id from meetings where organization_id = ? and platform = ? and external_id = ?")
                .params(meeting.organizationId(), meeting.platform().name(), meeting.externalId()).query(UUID.class).single();
        if (inserted == 1) {
            jdbc.sql("""
                            insert into meeting_downloads (meeting_id, organization_id, connection_id, url, token_encrypted,
                                                           file_name, created_at)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, meeting.organizationId(), connectionId, downloadUrl,
                            cipher.encrypt(meeting.organizationId(), downloadToken), meeting.transcriptFileName(),
                            Timestamp.from(meeting.createdAt()))
                    .update();
            changes.publish(new MeetingChange(meeting.organizationId(), id, MeetingStatus.RECEIVED));
        }
        return meetings.findByIdAndOrganizationId(id, meeting.organizationId()).orElseThrow();
    }

    /** Where a captured meeting's transcript is fetched from, the token decrypted for this one use. */
    @Transactional(readOnly = true)
    public Optional<Download> download(UUID organizationId, UUID meetingId) {
        return jdbc.sql("select connection_id, url, token_encrypted, file_name from meeting_downloads"
                        + " where meeting_id = ? and organization_id = ?")
                .params(meetingId, organizationId)
                .query((rs, i) -> new Download(rs.getObject("connection_id", UUID.class), rs.getString("url"),
                        cipher.decrypt(organizationId, rs.getString("token_encrypted")), rs.getString("file_name")))
                .optional();
    }

    /** @param token the platform's download token, or {@code null} */
    public record Download(UUID connectionId, String url, String token, String fileName) {
    }

    @Transactional
    public void recordTranscript(UUID organizationId, UUID meetingId, String transcriptRef) {
        jdbc.sql("update meetings set transcript_ref = ? where id = ? and organization_id = ?")
                .params(transcriptRef, meetingId, organizationId).update();
    }

    /**
     * The customers among the attendees: those with an address neither at one of the organisation's own domains (the
     * company domains its users have; a free-mail domain is nobody's) nor of one of its users.
     */
    @Transactional(readOnly = true)
    public List<Attendee> customers(UUID organizationId, UUID meetingId) {
        List<String> own = jdbc.sql("select lower(email) from users where organization_id = ?").params(organizationId)
                .query(String.class).list();
        java.util.Set<String> ownDomains = own.stream().map(EmailAddresses::domainOf)
                .filter(domain -> !EmailAddresses.freeMail(domain)).collect(java.util.stream.Collectors.toSet());
        return attendees(organizationId, meetingId).stream()
                .filter(a -> a.email() != null && !own.contains(a.email().toLowerCase(java.util.Locale.ROOT))
                        && !ownDomains.contains(EmailAddresses.domainOf(a.email())))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<Attendee> attendees(UUID organizationId, UUID meetingId) {
        return jdbc.sql("select attendees::text from meetings where id = ? and organization_id = ?")
                .params(meetingId, organizationId)
                .query(String.class).optional()
                .map(text -> columns.read(text, new TypeReference<List<Attendee>>() { }))
                .orElse(List.of());
    }

    @Transactional
    public void recordStatus(UUID organizationId, UUID meetingId, MeetingStatus status, String reason) {
        if (meetings.updateStatus(meetingId, organizationId, status.name(), reason, clock.instant()) == 0) {
            throw new MeetingNotFoundException(meetingId);
        }
        changes.publish(new MeetingChange(organizationId, meetingId, status));
    }

    /** Replaces the meeting's transcript, utterances and participants in one transaction. */
    @Transactional
    public void replaceTranscript(UUID organizationId, UUID meetingId, Transcript transcript) {
        requireMeeting(organizationId, meetingId);
        jdbc.sql("delete from meeting_participants where meeting_id = ? and organization_id = ?")
                .params(meetingId, organizationId).update();
        jdbc.sql("delete from transcripts where meeting_id = ? and organization_id = ?")
                .params(meetingId, organizationId).update(); // cascades to utterances
        jdbc.sql("""
                        insert into transcripts (meeting_id, organization_id, format, utterance_count, duration_ms, parsed_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(meetingId, organizationId, transcript.format().name(), transcript.utterances().size(),
                        transcript.durationMs(), Timestamp.from(clock.instant()))
                .update();
        template.batchUpdate("""
                        insert into utterances (meeting_id, organization_id, seq, speaker, start_ms, end_ms, text)
                        values (?, ?, ?, ?, ?, ?, ?)""",
                transcript.utterances(), 1000, (ps, u) -> {
                    ps.setObject(1, meetingId);
                    ps.setObject(2, organizationId);
                    ps.setInt(3, u.seq());
                    ps.setString(4, u.speaker());
                    ps.setObject(5, u.startMs(), Types.BIGINT);
                    ps.setObject(6, u.endMs(), Types.BIGINT);
                    ps.setString(7, u.text());
                });
        Map<String, long[]> bySpeaker = new LinkedHashMap<>();
        for (Utterance u : transcript.utterances()) {
            long[] stats = bySpeaker.computeIfAbsent(u.speaker(), s -> new long[2]);
            stats[0]++;
            if (u.startMs() != null && u.endMs() != null) {
                stats[1] += u.endMs() - u.startMs();
            }
        }
        template.batchUpdate("""
                        insert into meeting_participants (meeting_id, organization_id, name, utterance_count, talk_ms)
                        values (?, ?, ?, ?, ?)""",
                new ArrayList<>(bySpeaker.entrySet()), 100, (ps, e) -> {
                    ps.setObject(1, meetingId);
                    ps.setObject(2, organizationId);
                    ps.setString(3, e.getKey());
                    ps.setInt(4, (int) e.getValue()[0]);
                    ps.setLong(5, e.getValue()[1]);
                });
    }

    @Transactional(readOnly = true)
    public List<Utterance> utterances(UUID organizationId, UUID meetingId) {
        return jdbc.sql("""
                        select seq, speaker, start_ms, end_ms, text from utterances
                        where meeting_id = ? and organization_id = ? order by seq""")
                .params(meetingId, organizationId)
                .query((rs, i) -> new Utterance(rs.getInt("seq"), rs.getString("speaker"), nullableLong(rs, "start_ms"),
                        nullableLong(rs, "end_ms"), rs.getString("text")))
                .list();
    }

    /** The format the meeting's transcript was written in. */
    @Transactional(readOnly = true)
    public Optional<TranscriptFormat> transcriptFormat(UUID organizationId, UUID meetingId) {
        return jdbc.sql("select format from transcripts where meeting_id = ? and organization_id = ?")
                .params(meetingId, organizationId)
                .query((rs, i) -> TranscriptFormat.valueOf(rs.getString("format")))
                .optional();
    }

    /**
     * Stores the extracted fields, in the order the extractor gave them, and marks the meeting COMPLETED, in one
     * transaction; steps that gave up are named in the status reason so people know what is missing.
     */
    @Transactional
    public void complete(UUID organizationId, UUID meetingId, List<ExtractedField> fields, List<String> unfinished) {
        requireMeeting(organizationId, meetingId);
        Instant now = clock.instant();
        jdbc.sql("delete from insights where meeting_id = ? and organization_id = ?").params(meetingId, organizationId).update();
        template.batchUpdate("""
                        insert into insights (meeting_id, organization_id, field_key, position, value, confidence,
                                              evidence_quote, evidence_start_ms, evidence_seq, note, extracted_at)
                        values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)""",
                IntStream.range(0, fields.size()).boxed().toList(), 100, (ps, position) -> {
                    ExtractedField f = fields.get(position);
                    ps.setObject(1, meetingId);
                    ps.setObject(2, organizationId);
                    ps.setString(3, f.key());
                    ps.setInt(4, position);
                    ps.setString(5, f.valueJson());
                    ps.setDouble(6, Math.round(f.confidence() * 1000) / 1000.0);
                    ps.setString(7, f.evidenceQuote());
                    ps.setObject(8, f.evidenceStartMs(), Types.BIGINT);
                    ps.setObject(9, f.evidenceSeq(), Types.INTEGER);
                    ps.setString(10, f.note());
                    ps.setTimestamp(11, Timestamp.from(now));
                });
        recordStatus(organizationId, meetingId, MeetingStatus.COMPLETED,
                unfinished.isEmpty() ? null : "Completed without: " + String.join(", ", unfinished));
    }

    /** Which extractor filled the meeting's fields, and what people should know about it (a fallback, dropped answers). */
    @Transactional
    public void recordExtraction(UUID organizationId, UUID meetingId, String extractedBy, String notice) {
        if (jdbc.sql("update meetings set extracted_by = ?, extraction_notice = ? where id = ? and organization_id = ?")
                .params(extractedBy, notice, meetingId, organizationId).update() == 0) {
            throw new MeetingNotFoundException(meetingId);
        }
    }

    /** Which extractor ran and its notice; both {@code null} until extracted. */
    public record ExtractionNote(String extractedBy, String notice) {
    }

    @Transactional(readOnly = true)
    public ExtractionNote extraction(UUID organizationId, UUID meetingId) {
        return jdbc.sql("select extracted_by, extraction_notice from meetings where id = ? and organization_id = ?")
                .params(meetingId, organizationId)
                .query((rs, i) -> new ExtractionNote(rs.getString("extracted_by"), rs.getString("extraction_notice")))
                .optional().orElse(new ExtractionNote(null, null));
    }

    @Transactional(readOnly = true)
    public List<MeetingSummary> summaries(UUID organizationId, int limit, long offset) {
        return jdbc.sql(SUMMARY_SELECT + " where m.organization_id = ? order by m.created_at desc, m.id desc limit ? offset ?")
                .params(organizationId, limit, offset)
                .query(this::summary)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<MeetingSummary> summary(UUID organizationId, UUID meetingId) {
        return jdbc.sql(SUMMARY_SELECT + " where m.organization_id = ? and m.id = ?")
                .params(organizationId, meetingId)
                .query(this::summary)
                .optional();
    }

    @Transactional(readOnly = true)
    public List<Participant> participants(UUID organizationId, UUID meetingId) {
        return jdbc.sql("""
                        select name, utterance_count, talk_ms from meeting_participants
                        where meeting_id = ? and organization_id = ? order by talk_ms desc, name""")
                .params(meetingId, organizationId)
                .query((rs, i) -> new Participant(rs.getString("name"), rs.getInt("utterance_count"), rs.getLong("talk_ms")))
                .list();
    }

    @Transactional(readOnly = true)
    public List<Insight> insights(UUID organizationId, UUID meetingId) {
        return jdbc.sql("""
                        select field_key, value::text as value, confidence, evidence_quote, evidence_start_ms, evidence_seq, note from insights
                        where meeting_id = ? and organization_id = ? order by position""")
                .params(meetingId, organizationId)
                .query((rs, i) -> new Insight(rs.getString("field_key"), readJson(rs.getString("value")),
                        rs.getDouble("confidence"), rs.getString("evidence_quote"), nullableLong(rs, "evidence_start_ms"),
                        (Integer) rs.getObject("evidence_seq"), rs.getString("note")))
                .list();
    }

    public List<UtteranceView> utteranceViews(UUID organizationId, UUID meetingId) {
        return utterances(organizationId, meetingId).stream()
                .map(u -> new UtteranceView(u.seq(), u.speaker(), u.startMs(), u.endMs(), u.text()))
                .toList();
    }

    private void requireMeeting(UUID organizationId, UUID meetingId) {
        if (meetings.findByIdAndOrganizationId(meetingId, organizationId).isEmpty()) {
            throw new MeetingNotFoundException(meetingId);
        }
    }

    private MeetingSummary summary(ResultSet rs, int row) throws SQLException {
        return new MeetingSummary(rs.getObject("id", UUID.class), rs.getString("title"),
                Platform.valueOf(rs.getString("platform")), MeetingStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"), rs.getString("owner_name"), nullableInstant(rs, "started_at"),
                nullableInstant(rs, "created_at"), rs.getInt("participant_count"), nullableLong(rs, "duration_ms"));
    }

    private com.fasterxml.jackson.databind.JsonNode readJson(String value) {
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored insight is not JSON", e);
        }
    }

}
