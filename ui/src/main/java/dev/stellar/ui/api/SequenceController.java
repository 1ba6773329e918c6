package dev.stellar.ui.api;

import dev.stellar.playbooks.sequence.SequenceTemplate;
import dev.stellar.ui.security.CurrentCaller;
import dev.stellar.workers.email.Enrollment;
import dev.stellar.workers.email.SequenceTemplateStore.Resolved;
import dev.stellar.workers.email.Sequences;
import dev.stellar.workers.email.Sequences.EnrollmentDetail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Sequence templates (OPS, MANAGER and ADMIN change them) and enrollments, with their history and controls. */
@RestController
@Tag(name = "Sequences")
@SecurityRequirement(name = "bearer")
public class SequenceController {

    private final Sequences sequences;
    private final CurrentCaller currentCaller;

    public SequenceController(Sequences sequences, CurrentCaller currentCaller) {
        this.sequences = sequences;
        this.currentCaller = currentCaller;
    }

    /** @param version {@code null} for a built-in template as shipped */
    public record TemplateResponse(Integer version, SequenceTemplate template) {
    }

    /** @param contacts addresses; empty for the recipients of the meeting's follow-up */
    public record EnrollRequest(UUID meetingId, String sequence, List<String> contacts) {
    }

    @GetMapping("/api/sequences")
    @Operation(summary = "The sequences the organisation can enroll contacts in, built-in and its own")
    public List<TemplateResponse> list() {
        return sequences.templates(currentCaller.require()).stream().map(SequenceController::response).toList();
    }

    @GetMapping(path = "/api/sequences/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One sequence with its steps")
    public TemplateResponse get(@PathVariable String key) {
        return sequences.template(currentCaller.require(), key).map(SequenceController::response)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No sequence " + key));
    }

    @GetMapping(path = "/api/sequences/{key}", produces = {SchemaController.YAML, MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "One sequence as its YAML document (Accept: application/yaml), for editing and re-import")
    public String export(@PathVariable String key) {
        return sequences.export(currentCaller.require(), key);
    }

    @PostMapping(path = "/api/sequences", consumes = {SchemaController.YAML, MediaType.TEXT_PLAIN_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Save a sequence document as the next version of its key (OPS, MANAGER, ADMIN)",
            description = "A broken document, or a template with an unknown variable, is refused with 400 naming the line "
                    + "or the step and field; nothing is saved.")
    public TemplateResponse save(@RequestBody String yaml) {
        return response(sequences.save(currentCaller.require(), yaml));
    }

    @GetMapping("/api/sequences/enrollments")
    @Operation(summary = "Enrollments, newest first; contact= filters on one address (a rep sees their own meetings')")
    public List<Enrollment> enrollments(@RequestParam(required = false) String contact) {
        return sequences.enrollments(currentCaller.require(), contact);
    }

    @PostMapping("/api/sequences/enrollments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enroll contacts of a meeting in a sequence, in the thread of its sent follow-up")
    public List<Enrollment> enroll(@RequestBody EnrollRequest request) {
        return sequences.enroll(currentCaller.require(), request.meetingId(), request.sequence(), request.contacts());
    }

    @GetMapping("/api/sequences/enrollments/{id}")
    @Operation(summary = "One enrollment with its history and, while it runs, its next step")
    public EnrollmentDetail enrollment(@PathVariable UUID id) {
        return sequences.enrollment(currentCaller.require(), id);
    }

    @PostMapping("/api/sequences/enrollments/{id}/pause")
    public EnrollmentDetail pause(@PathVariable UUID id) {
        return sequences.pause(currentCaller.require(), id);
    }

    @PostMapping("/api/sequences/enrollments/{id}/resume")
    public EnrollmentDetail resume(@PathVariable UUID id) {
        return sequences.resume(currentCaller.require(), id);
    }

    @PostMapping("/api/sequences/enrollments/{id}/stop")
    public EnrollmentDetail stop(@PathVariable UUID id) {
        return sequences.stop(currentCaller.require(), id);
    }

    private static TemplateResponse response(Resolved resolved) {
        return new TemplateResponse(resolved.version(), resolved.template());
    }
}
