package dev.stellar.workers.meeting;

import dev.stellar.workers.account.AppUser;
import dev.stellar.workers.account.UserRepository;
import dev.stellar.workers.email.EmailAddresses;
import dev.stellar.workers.email.InvalidEmailAddressException;
import dev.stellar.connectors.blob.BlobStore;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.coaching.CoachingStore;
import dev.stellar.workers.drafts.DraftStore;
import dev.stellar.workers.indexing.TranscriptIndex;
import dev.stellar.workers.metrics.MetricsStore;
import dev.stellar.workers.schema.FieldSchemaService;
import dev.stellar.workers.schema.ResolvedSchema;
import dev.stellar.workers.schema.UnknownSchemaException;
import dev.stellar.workers.transcript.TranscriptFormatException;
import dev.stellar.workers.transcript.TranscriptParser;
import dev.stellar.workflows.meeting.MeetingProgress;
import dev.stellar.workflows.meeting.MeetingStatus;
import dev.stellar.workflows.meeting.MeetingWorkflowIds;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** What people do with meetings: upload a transcript, list meetings, open one. Always within the caller's organisation. */
@Service
public class MeetingService {

    public static final int MAX_PAGE_SIZE = 100;
    private static final Logger log = LoggerFactory.getLogger(MeetingService.class);

    private final TranscriptParser parser;
    private final BlobStore blobs;
    private final MeetingStore store;
    private final MeetingRepository meetings;
    private final MeetingWorkflows workflows;
    private final MeetingChangeFeed changes;
    private final MetricsStore metricsStore;
    private final FieldSchemaService schemas;
    private final CoachingStore coaching;
    private final DraftStore drafts;
    private final TranscriptIndex index;
    private final UserRepository users;
    private final Clock clock;

    public MeetingService(TranscriptParser parser, BlobStore blobs, MeetingStore store, MeetingRepository meetings,
                          MeetingWorkflows workflows, MeetingChangeFeed changes, MetricsStore metricsStore,
                          FieldSchemaService schemas, CoachingStore coaching, DraftStore drafts,
                          TranscriptIndex index, Clock clock,
                          UserRepository users) {
        this.users = users;
        this.parser = parser;
        this.blobs = blobs;
        this.store = store;
        this.meetings = meetings;
        this.workflows = workflows;
        this.changes = changes;
        this.metricsStore = metricsStore;
        this.schemas = schemas;
        this.coaching = coaching;
        this.drafts = drafts;
        this.index = index;
        this.clock = clock;
    }

    /**
     * Checks the transcript, stores it once and starts the meeting's workflow.
     *
     * @throws TranscriptFormatException the file is not a transcript Stellar reads; nothing was stored
     * @throws UnknownSchemaException the organisation has no such field schema; nothing was stored
     * @throws InvalidEmailAddressException an attendee's address is not one; nothing was stored
     */
    public MeetingSummary upload(Caller caller, UploadRequest request) {
        parser.parse(request.content()); // reject a bad file before anything is stored
        List<Attendee> attendees = EmailAddresses.checkAttendees(request.attendees());
        ResolvedSchema schema = schemas.forNewMeeting(caller.organizationId(), request.schema());
        UUID id = UUID.randomUUID();
        String externalId = id.toString();
        String transcriptRef = blobs.put(caller.organizationId().toString(), request.content());
        Instant now = clock.instant();
        Meeting meeting = store.insert(new Meeting(id, caller.organizationId(), Platform.UPLOAD, externalId,
                titleOf(request), request.startedAt(), null, request.timeZone() == null ? null : request.timeZone().getId(),
                caller.userId(), MeetingStatus.RECEIVED, null,
                MeetingWorkflowIds.of(caller.organizationId().toString(), Platform.UPLOAD.name(), externalId),
                transcriptRef, request.fileName(), now, now, schema.schema().key(), schema.version(), null), attendees);
        try {
            workflows.start(meeting);
        } catch (RuntimeException e) {
            // the meeting is stored as RECEIVED; a worker's resumer starts it within minutes of Temporal answering again
            log.warn("Could not start the workflow of meeting {} yet: {}", meeting.id(), e.getMessage());
        }
        return store.summary(caller.organizationId(), id).orElseThrow();
    }

    /**
     * A recording a platform announced: the meeting is stored (once, whatever the retries) and its workflow started; the
     * workflow fetches the transcript.
     *
     * @param externalId  the platform's id of the meeting occurrence
     * @param hostEmail   the host's address: the meeting's owner when they are one of the organisation's people
     * @param downloadUrl where the transcript is, fetched with {@code downloadToken}
     */
    public record Captured(String externalId, String title, Instant startedAt, String timeZone, String hostEmail,
                           String downloadUrl, String downloadToken, String fileName) {
    }

    public MeetingSummary capture(UUID organizationId, UUID connectionId, Captured captured) {
        ResolvedSchema schema = schemas.forNewMeeting(organizationId, null);
        UUID owner = captured.hostEmail() == null ? null : users.findByEmailIgnoreCase(captured.hostEmail())
                .filter(user -> user.organizationId().equals(organizationId)).map(AppUser::id).orElse(null);
        String zone = null;
        try {
            zone = captured.timeZone() == null ? null : java.time.ZoneId.of(captured.timeZone()).getId();
        } catch (java.time.DateTimeException unknownZone) {
            log.debug("Ignoring the unknown time zone {}", captured.timeZone());
        }
        Instant now = clock.instant();
        String title = captured.title() == null || captured.title().isBlank() ? "Zoom meeting" : captured.title().strip();
        Meeting meeting = store.captureOnce(new Meeting(UUID.randomUUID(), organizationId, Platform.ZOOM,
                        captured.externalId(), title, captured.startedAt(), null, zone, owner, MeetingStatus.RECEIVED, null,
                        MeetingWorkflowIds.of(organizationId.toString(), Platform.ZOOM.name(), captured.externalId()), null,
                        captured.fileName(), now, now, schema.schema().key(), schema.version(), null),
                connectionId, captured.downloadUrl(), captured.downloadToken());
        try {
            workflows.start(meeting);
        } catch (RuntimeException e) {
            log.warn("Could not start the workflow of meeting {} yet: {}", meeting.id(), e.getMessage());
        }
        return store.summary(organizationId, meeting.id()).orElseThrow();
    }

    public PageResult<MeetingSummary> list(Caller caller, int page, int size) {
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int pageNumber = Math.max(0, page);
        return new PageResult<>(store.summaries(caller.organizationId(), pageSize, (long) pageNumber * pageSize),
                pageNumber, pageSize, meetings.countByOrganizationId(caller.organizationId()));
    }

    public long count(Caller caller) {
        return meetings.countByOrganizationId(caller.organizationId());
    }

    public Optional<MeetingDetail> detail(Caller caller, UUID meetingId) {
        Optional<Meeting> meeting = meetings.findByIdAndOrganizationId(meetingId, caller.organizationId());
        if (meeting.isEmpty()) {
            return Optional.empty();
        }
        ResolvedSchema schema = schemas.resolve(caller.organizationId(), meeting.get().fieldSchema(),
                meeting.get().fieldSchemaVersion());
        MeetingStore.ExtractionNote extraction = store.extraction(caller.organizationId(), meetingId);
        return store.summary(caller.organizationId(), meetingId).map(summary -> new MeetingDetail(summary, schema,
                store.participants(caller.organizationId(), meetingId),
                store.utteranceViews(caller.organizationId(), meetingId),
                store.insights(caller.organizationId(), meetingId),
                metricsStore.find(caller.organizationId(), meetingId).orElse(null),
                coaching.find(caller.organizationId(), meetingId).orElse(null),
                drafts.find(caller.organizationId(), meetingId), extraction.extractedBy(),
                extraction.notice()));
    }

    /**
     * A found moment: a chunk of one conversation phase, with its meeting's title.
     *
     * @param fromSeq first utterance of the chunk
     * @param toSeq   last utterance of the chunk
     * @param score   how close in meaning, 0..1
     */
    public record MomentHit(UUID meetingId, String meetingTitle, String phase, int fromSeq, int toSeq, Long startMs,
                            String text, double score) {
    }

    /** Moments of the organisation's meetings closest in meaning to the words, best first. */
    public List<MomentHit> searchMoments(Caller caller, String words, int limit) {
        return index.search(caller.organizationId(), words, Math.max(1, Math.min(limit, MAX_PAGE_SIZE))).stream()
                .flatMap(m -> store.summary(caller.organizationId(), m.meetingId()).stream()
                        .map(meeting -> new MomentHit(m.meetingId(), meeting.title(), m.phase(), m.fromSeq(), m.toSeq(),
                                m.startMs(), m.text(), m.score())))
                .toList();
    }

    /** The workflow's step-by-step progress, or empty when Temporal cannot tell (the stored status still can). */
    public Optional<MeetingProgress> progress(Caller caller, UUID meetingId) {
        return meetings.findByIdAndOrganizationId(meetingId, caller.organizationId()).flatMap(workflows::progress);
    }

    /** Calls the listener for every change of a meeting in the caller's organisation until the subscription closes. */
    public MeetingChangeFeed.Subscription onChange(Caller caller, Consumer<MeetingChange> listener) {
        return changes.subscribe(caller.organizationId(), listener);
    }

    private static String titleOf(UploadRequest request) {
        if (request.title() != null && !request.title().isBlank()) {
            return request.title().strip();
        }
        String name = request.fileName() == null || request.fileName().isBlank() ? "Uploaded meeting" : request.fileName();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
