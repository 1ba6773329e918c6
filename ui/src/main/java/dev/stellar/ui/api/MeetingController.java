package dev.stellar.ui.api;

import dev.stellar.ui.security.CurrentCaller;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.coaching.CallScore;
import dev.stellar.workers.drafts.Draft;
import dev.stellar.workers.email.EmailAddresses;
import dev.stellar.workers.meeting.MeetingDetail;
import dev.stellar.workers.metrics.ConversationMetrics;
import dev.stellar.workers.meeting.MeetingNotFoundException;
import dev.stellar.workers.meeting.MeetingService;
import dev.stellar.workers.meeting.MeetingSummary;
import dev.stellar.workers.meeting.PageResult;
import dev.stellar.workers.meeting.Platform;
import dev.stellar.workers.meeting.UploadRequest;
import dev.stellar.workflows.meeting.MeetingProgress;
import dev.stellar.workflows.meeting.MeetingStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

@RestController
@Tag(name = "Meetings")
@SecurityRequirement(name = "bearer")
public class MeetingController {

    private final MeetingService meetings;
    private final CurrentCaller currentCaller;

    public MeetingController(MeetingService meetings, CurrentCaller currentCaller) {
        this.meetings = meetings;
        this.currentCaller = currentCaller;
    }

    public record UploadResponse(UUID id, MeetingStatus status) {
    }

    /**
     * @param schema        the field schema the meeting is analysed with
     * @param schemaVersion the organisation's version of it, or {@code null} for the built-in one
     * @param extractedBy   {@code offline} or the language model that filled the fields
     * @param extractionNotice what to know about the extraction (a fallback to the offline rules, dropped answers)
     */
    public record MeetingResponse(UUID id, String title, Platform platform, MeetingStatus status, String statusReason,
                                  String owner, Instant startedAt, Instant createdAt, Long durationMs, String schema,
                                  Integer schemaVersion, String extractedBy, String extractionNotice,
                                  List<MeetingDetail.Participant> participants, List<MeetingDetail.Insight> fields,
                                  ConversationMetrics metrics, CallScore scorecard, List<Draft> drafts,
                                  List<MeetingDetail.UtteranceView> utterances,
                                  MeetingProgress progress) {
    }

    @PostMapping(path = "/api/meetings", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Upload a transcript (WebVTT, SRT, '[hh:mm:ss] Speaker: text' or 'Speaker: text')",
            description = "Optional: title, startedAt (ISO-8601 instant), timeZone (IANA id; the meeting's date is read in it), "
                    + "schema (estate-planning, b2b-discovery or one of the organisation's own; else its default), "
                    + "attendee (repeatable, 'Name <address>' or an address: the follow-up's recipients come from them). "
                    + "The file is checked at once: a malformed one is refused with 400 naming the line, and nothing is stored. "
                    + "Otherwise the meeting is processed in the background; poll GET /api/meetings/{id}.")
    public UploadResponse upload(@RequestPart("file") MultipartFile file,
                                 @RequestParam(name = "title", required = false) String title,
                                 @RequestParam(name = "startedAt", required = false) Instant startedAt,
                                 @RequestParam(name = "timeZone", required = false) String timeZone,
                                 @RequestParam(name = "schema", required = false) String schema,
                                 @RequestParam(name = "attendee", required = false) List<String> attendees)
            throws IOException {
        if (file.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "file is empty");
        }
        ZoneId zone;
        try {
            zone = timeZone == null || timeZone.isBlank() ? null : ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "timeZone '" + timeZone + "' is not a time zone id such as Europe/Berlin");
        }
        MeetingSummary meeting = meetings.upload(currentCaller.require(),
                new UploadRequest(file.getOriginalFilename(), file.getBytes(), title, startedAt, zone, schema,
                        EmailAddresses.attendees(attendees)));
        return new UploadResponse(meeting.id(), meeting.status());
    }

    @GetMapping("/api/meetings")
    @Operation(summary = "The organisation's meetings, newest first")
    public PageResult<MeetingSummary> list(@RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "20") int size) {
        return meetings.list(currentCaller.require(), page, size);
    }

    @GetMapping("/api/meetings/{id}")
    @Operation(summary = "A meeting with its status, transcript, extracted fields (each with confidence and evidence) "
            + "and conversation metrics")
    public MeetingResponse get(@PathVariable UUID id) {
        Caller caller = currentCaller.require();
        MeetingDetail detail = meetings.detail(caller, id).orElseThrow(() -> new MeetingNotFoundException(id));
        MeetingSummary m = detail.meeting();
        MeetingProgress progress = m.status().isFinal() ? null : meetings.progress(caller, id).orElse(null);
        return new MeetingResponse(m.id(), m.title(), m.platform(), m.status(), m.statusReason(), m.ownerName(),
                m.startedAt(), m.createdAt(), m.durationMs(), detail.schema().schema().key(), detail.schema().version(),
                detail.extractedBy(), detail.extractionNotice(),
                detail.participants(), detail.insights(),
                detail.metrics(), detail.scorecard(), detail.drafts(), detail.utterances(), progress);
    }

    @GetMapping("/api/moments")
    @Operation(summary = "Moments of the organisation's meetings closest in meaning to the words (semantic search)",
            description = "Each moment is a chunk of one conversation phase with its meeting, its title, utterances and score.")
    public List<MeetingService.MomentHit> moments(@RequestParam("q") String words,
                                                @RequestParam(defaultValue = "10") int limit) {
        if (words.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "q: say what to look for");
        }
        return meetings.searchMoments(currentCaller.require(), words, limit);
    }
}
