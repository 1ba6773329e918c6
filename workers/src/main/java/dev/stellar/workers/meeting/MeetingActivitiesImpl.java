package dev.stellar.workers.meeting;

import dev.stellar.connectors.blob.BlobNotFoundException;
import dev.stellar.connectors.blob.BlobStore;
import dev.stellar.workers.account.AppUser;
import dev.stellar.workers.account.UserRepository;
import dev.stellar.workers.extraction.ExtractionContext;
import dev.stellar.workers.extraction.InsightExtractor;
import dev.stellar.workers.transcript.Transcript;
import dev.stellar.workers.transcript.TranscriptFormatException;
import dev.stellar.workers.transcript.TranscriptParser;
import dev.stellar.workflows.Errors;
import dev.stellar.workflows.meeting.MeetingActivities;
import io.temporal.failure.ApplicationFailure;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Activities of the meeting lifecycle. Failures retrying cannot fix become non-retryable, typed by {@link Errors}. */
@Component("meetingActivities")
public class MeetingActivitiesImpl implements MeetingActivities {

    private final BlobStore blobs;
    private final TranscriptParser parser;
    private final InsightExtractor extractor;
    private final MeetingStore store;
    private final MeetingRepository meetings;
    private final UserRepository users;

    public MeetingActivitiesImpl(BlobStore blobs, TranscriptParser parser, InsightExtractor extractor, MeetingStore store,
                                 MeetingRepository meetings, UserRepository users) {
        this.blobs = blobs;
        this.parser = parser;
        this.extractor = extractor;
        this.store = store;
        this.meetings = meetings;
        this.users = users;
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
    public ExtractedInsights extractInsights(ExtractInsightsInput input) {
        UUID organizationId = uuid(input.organizationId());
        Meeting meeting = meetings.findByIdAndOrganizationId(uuid(input.meetingId()), organizationId)
                .orElseThrow(() -> failure(Errors.MEETING_NOT_FOUND, new MeetingNotFoundException(uuid(input.meetingId()))));
        Set<String> organisationPeople = users.findByOrganizationIdOrderByDisplayName(organizationId).stream()
                .map(AppUser::displayName)
                .collect(Collectors.toSet());
        LocalDate meetingDate = meeting.startedAt() == null ? null : LocalDate.ofInstant(meeting.startedAt(), ZoneOffset.UTC);
        ExtractionContext context = new ExtractionContext(store.utterances(organizationId, meeting.id()),
                organisationPeople, meetingDate, LocalDate.ofInstant(meeting.createdAt(), ZoneOffset.UTC));
        return new ExtractedInsights(extractor.extract(context));
    }

    @Override
    public void completeMeeting(CompleteMeetingInput input) {
        guarded(() -> store.complete(uuid(input.organizationId()), uuid(input.meetingId()), input.fields()));
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
