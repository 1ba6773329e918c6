package dev.stellar.workers.meeting;

import dev.stellar.connectors.blob.BlobNotFoundException;
import dev.stellar.connectors.blob.BlobStore;
import dev.stellar.connectors.zoom.ZoomDownloadException;
import dev.stellar.workers.connection.PlatformFetcher;
import dev.stellar.workers.account.AppUser;
import dev.stellar.workers.account.UserRepository;
import dev.stellar.playbooks.schema.FieldSchema;
import dev.stellar.workers.coaching.CallCoach;
import dev.stellar.workers.coaching.CallScore;
import dev.stellar.workers.coaching.CoachingContext;
import dev.stellar.workers.coaching.CoachingStore;
import dev.stellar.workers.coaching.Scorecards;
import dev.stellar.workers.drafts.Draft;
import dev.stellar.workers.drafts.DraftStore;
import dev.stellar.workers.drafts.DraftingContext;
import dev.stellar.workers.drafts.FollowUpDrafter;
import dev.stellar.workers.email.Sequences;
import dev.stellar.workers.trigger.TriggerDispatcher;
import dev.stellar.workers.extraction.ExtractionContext;
import dev.stellar.workers.extraction.Extraction;
import dev.stellar.workers.extraction.ExtractionService;
import dev.stellar.workers.metrics.ConversationAnalyzer;
import dev.stellar.workers.metrics.ConversationMetrics;
import dev.stellar.workers.indexing.TranscriptIndex;
import dev.stellar.workers.metrics.MetricsStore;
import dev.stellar.workers.schema.FieldSchemaService;
import dev.stellar.workers.transcript.SpeakerRoles;
import dev.stellar.workers.transcript.Transcript;
import dev.stellar.workers.transcript.TranscriptFormat;
import dev.stellar.workers.transcript.TranscriptFormatException;
import dev.stellar.workers.transcript.TranscriptParser;
import dev.stellar.workers.transcript.Utterance;
import dev.stellar.workflows.Errors;
import dev.stellar.workflows.meeting.MeetingActivities;
import io.temporal.failure.ApplicationFailure;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Activities of the meeting lifecycle. Failures retrying cannot fix become non-retryable, typed by {@link Errors}. */
@Component("meetingActivities")
public class MeetingActivitiesImpl implements MeetingActivities {

    private final BlobStore blobs;
    private final TranscriptParser parser;
    private final ExtractionService extraction;
    private final MeetingStore store;
    private final MeetingRepository meetings;
    private final UserRepository users;
    private final ConversationAnalyzer analyzer;
    private final MetricsStore metricsStore;
    private final FieldSchemaService schemas;
    private final TranscriptIndex index;
    private final CallCoach coach;
    private final CoachingStore coaching;
    private final FollowUpDrafter drafter;
    private final DraftStore drafts;
    private final Sequences sequences;
    private final TriggerDispatcher triggers;
    private final PlatformFetcher fetcher;

    public MeetingActivitiesImpl(BlobStore blobs, TranscriptParser parser, ExtractionService extraction, MeetingStore store,
                                 MeetingRepository meetings, UserRepository users, ConversationAnalyzer analyzer,
                                 MetricsStore metricsStore, FieldSchemaService schemas, TranscriptIndex index,
                                 CallCoach coach, CoachingStore coaching, FollowUpDrafter drafter, DraftStore drafts,
                                 Sequences sequences, PlatformFetcher fetcher, TriggerDispatcher triggers) {
        this.triggers = triggers;
        this.fetcher = fetcher;
        this.sequences = sequences;
        this.blobs = blobs;
        this.parser = parser;
        this.extraction = extraction;
        this.store = store;
        this.meetings = meetings;
        this.users = users;
        this.analyzer = analyzer;
        this.metricsStore = metricsStore;
        this.schemas = schemas;
        this.index = index;
        this.coach = coach;
        this.coaching = coaching;
        this.drafter = drafter;
        this.drafts = drafts;
    }

    @Override
    public ParsedTranscript parseTranscript(ParseTranscriptInput input) {
        byte[] content;
        try {
            content = blobs.get(input.transcriptRef());
        } catch (BlobNotFoundException e) {
            throw failure(Errors.TRANSCRIPT_NOT_FOUND, e);
        }
        Transcript transcript;
        try {
            transcript = parser.parse(content);
        } catch (TranscriptFormatException e) {
            throw failure(Errors.MALFORMED_TRANSCRIPT, e);
        }
        guarded(() -> store.replaceTranscript(uuid(input.organizationId()), uuid(input.meetingId()), transcript));
        return new ParsedTranscript(transcript.format().name(), transcript.utterances().size(), transcript.speakers(),
                transcript.durationMs());
    }

    @Override
    public FetchedTranscript fetchTranscript(FetchTranscriptInput input) {
        try {
            return fetcher.fetch(uuid(input.organizationId()), uuid(input.meetingId()));
        } catch (ZoomDownloadException e) {
            if (e.permanent()) {
                throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), Errors.DOWNLOAD_FAILED.name());
            }
            throw e.retryAfter() == null ? ApplicationFailure.newFailure(e.getMessage(), "PLATFORM_UNAVAILABLE")
                    : ApplicationFailure.newFailureWithCauseAndDelay(e.getMessage(), "PLATFORM_UNAVAILABLE", null,
                            e.retryAfter()); // Zoom's Retry-After
        } catch (TranscriptFormatException e) {
            throw ApplicationFailure.newNonRetryableFailure("The platform's transcript is not readable: " + e.getMessage(),
                    Errors.MALFORMED_TRANSCRIPT.name());
        } catch (IllegalStateException e) {
            throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), Errors.TRANSCRIPT_NOT_FOUND.name());
        }
    }

    @Override
    public ExtractedInsights extractInsights(ExtractInsightsInput input) {
        StoredMeeting stored = load(input.organizationId(), input.meetingId());
        Meeting meeting = stored.meeting();
        ZoneId zone = meeting.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(meeting.timeZone());
        LocalDate meetingDate = meeting.startedAt() == null ? null : LocalDate.ofInstant(meeting.startedAt(), zone);
        ExtractionContext context = new ExtractionContext(stored.utterances(), stored.organisationPeople(), stored.owner(),
                meetingDate, LocalDate.ofInstant(meeting.createdAt(), zone),
                schemaOf(meeting));
        Extraction extraction = this.extraction.extract(context);
        guarded(() -> store.recordExtraction(meeting.organizationId(), meeting.id(), extraction.extractedBy(),
                extraction.notice()));
        return new ExtractedInsights(extraction.fields());
    }

    @Override
    public MetricsSummary computeMetrics(ComputeMetricsInput input) {
        StoredMeeting stored = load(input.organizationId(), input.meetingId());
        TranscriptFormat format = store.transcriptFormat(stored.meeting().organizationId(), stored.meeting().id())
                .orElse(TranscriptFormat.SPEAKER_TEXT);
        ConversationMetrics metrics = analyzer.analyze(stored.utterances(),
                SpeakerRoles.of(stored.utterances(), stored.organisationPeople(), stored.owner()), format);
        metricsStore.replace(stored.meeting().organizationId(), stored.meeting().id(), metrics);
        return new MetricsSummary(metrics.repTalkRatio(),
                metrics.longestRepMonologue() == null ? null : metrics.longestRepMonologue().durationMs(),
                metrics.repQuestions());
    }

    @Override
    public IndexSummary indexTranscript(IndexTranscriptInput input) {
        StoredMeeting stored = load(input.organizationId(), input.meetingId());
        return new IndexSummary(index.index(stored.meeting().organizationId(), stored.meeting().id(), stored.utterances(),
                stored.roles()));
    }

    @Override
    public ScorecardSummary scoreCall(ScoreCallInput input) {
        StoredMeeting stored = load(input.organizationId(), input.meetingId());
        Meeting meeting = stored.meeting();
        FieldSchema schema = schemaOf(meeting);
        ConversationMetrics metrics = metricsStore.find(meeting.organizationId(), meeting.id()).orElse(null);
        CallScore score = coach.score(Scorecards.forSchema(schema.key()),
                new CoachingContext(stored.utterances(), stored.roles(), metrics, schema, input.fields()));
        coaching.replace(meeting.organizationId(), meeting.id(), meeting.ownerId(), score);
        return new ScorecardSummary(score.criteria().size(), score.met());
    }

    @Override
    public DraftsSummary draftFollowUps(DraftFollowUpsInput input) {
        StoredMeeting stored = load(input.organizationId(), input.meetingId());
        Meeting meeting = stored.meeting();
        List<Draft> drafted = drafter.draft(new DraftingContext(meeting.title(), stored.roles().customers(), stored.owner(),
                schemaOf(meeting), input.fields(), localDate(meeting)));
        Optional<UUID> email = drafts.replace(meeting.organizationId(), meeting.id(), drafted,
                recipientsOf(meeting, stored.organisationPeople()));
        return new DraftsSummary(drafted.size(), email.map(UUID::toString).orElse(null));
    }

    /** The customers' addresses, leaving out anyone the transcript shows speaking for the organisation. */
    private List<String> recipientsOf(Meeting meeting, Set<String> organisationPeople) {
        return store.customers(meeting.organizationId(), meeting.id()).stream()
                .filter(a -> a.name() == null || !organisationPeople.contains(a.name()))
                .map(Attendee::email)
                .toList();
    }

    private FieldSchema schemaOf(Meeting meeting) {
        return schemas.resolve(meeting.organizationId(), meeting.fieldSchema(), meeting.fieldSchemaVersion()).schema();
    }

    private static LocalDate localDate(Meeting meeting) {
        ZoneId zone = meeting.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(meeting.timeZone());
        return LocalDate.ofInstant(meeting.startedAt() != null ? meeting.startedAt() : meeting.createdAt(), zone);
    }

    /** What the analysing agents read: the meeting, its stored utterances, and who in the call is the organisation's. */
    private record StoredMeeting(Meeting meeting, List<Utterance> utterances, Set<String> organisationPeople,
                                 String owner) {

        SpeakerRoles roles() {
            return SpeakerRoles.of(utterances, organisationPeople, owner);
        }
    }

    private StoredMeeting load(String organization, String meetingId) {
        UUID organizationId = uuid(organization);
        Meeting meeting = meetings.findByIdAndOrganizationId(uuid(meetingId), organizationId)
                .orElseThrow(() -> failure(Errors.MEETING_NOT_FOUND, new MeetingNotFoundException(uuid(meetingId))));
        List<AppUser> staff = users.findByOrganizationIdOrderByDisplayName(organizationId);
        Set<String> people = staff.stream().map(AppUser::displayName).collect(Collectors.toSet());
        String owner = staff.stream().filter(u -> u.id().equals(meeting.ownerId())).map(AppUser::displayName)
                .findFirst().orElse(null);
        return new StoredMeeting(meeting, store.utterances(organizationId, meeting.id()), people, owner);
    }

    @Override
    public void completeMeeting(CompleteMeetingInput input) {
        guarded(() -> store.complete(uuid(input.organizationId()), uuid(input.meetingId()), input.fields(),
                input.unfinished() == null ? List.of() : input.unfinished()));
        // a deal won or lost ends the follow-up sequences of the people in this meeting
        sequences.meetingAnalysed(uuid(input.organizationId()), uuid(input.meetingId()), input.fields());
        // and the organisation's rules on analysed meetings fire, each once for this meeting
        triggers.meetingAnalysed(uuid(input.organizationId()), uuid(input.meetingId()));
    }

    @Override
    public void recordStatus(RecordStatusInput input) {
        guarded(() -> store.recordStatus(uuid(input.organizationId()), uuid(input.meetingId()), input.status(),
                input.reason()));
    }

    private static void guarded(Runnable write) {
        try {
            write.run();
        } catch (MeetingNotFoundException e) {
            throw failure(Errors.MEETING_NOT_FOUND, e);
        }
    }

    private static ApplicationFailure failure(Errors type, Exception cause) {
        return ApplicationFailure.newNonRetryableFailureWithCause(cause.getMessage(), type.name(), cause);
    }

    private static UUID uuid(String value) {
        return UUID.fromString(value);
    }
}
