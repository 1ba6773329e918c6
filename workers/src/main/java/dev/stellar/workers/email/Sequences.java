package dev.stellar.workers.email;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.stellar.playbooks.sequence.SequenceTemplates;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.account.Role;
import dev.stellar.workers.account.RoleRequiredException;
import dev.stellar.workers.email.Enrollment.Event;
import dev.stellar.workers.email.Enrollment.Status;
import dev.stellar.workers.email.SequenceTemplateStore.Resolved;
import dev.stellar.workers.meeting.Attendee;
import dev.stellar.workers.meeting.MeetingStore;
import dev.stellar.workers.persistence.JsonColumns;
import dev.stellar.workers.meeting.MeetingNotFoundException;
import dev.stellar.workflows.email.EmailSequenceWorkflow.PauseRequest;
import dev.stellar.workflows.email.EmailSequenceWorkflow.ResumeRequest;
import dev.stellar.workflows.email.EmailSequenceWorkflow.SequenceState;
import dev.stellar.workflows.email.EmailSequenceWorkflow.StopReason;
import dev.stellar.workflows.email.EmailSequenceWorkflow.StopRequest;
import dev.stellar.workflows.meeting.MeetingActivities.ExtractedField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Sequences as people and events use them: templates (OPS and MANAGER edit them), enrollments (a rep enrolls their
 * meeting's contacts; anyone pauses, resumes or stops what they see), and the things that stop a sequence on their own:
 * an unsubscribe, a reply or bounce (see {@link MailboxPoller}), a deal won or lost. Every stop is stored first, then
 * the workflow is woken.
 */
@Service
public class Sequences {

    public static final Set<Role> EDITORS = Set.of(Role.ADMIN, Role.OPS, Role.MANAGER);
    private static final Logger log = LoggerFactory.getLogger(Sequences.class);
    private static final Set<String> CLOSED = Set.of("\"Won\"", "\"Lost\"", "\"closed_won\"", "\"closed_lost\"");

    /** An enrollment with its history and, while it runs, what its workflow is doing. */
    public record EnrollmentDetail(Enrollment enrollment, List<Event> history, SequenceState live) {
    }

    private final SequenceTemplateStore templates;
    private final EnrollmentStore enrollments;
    private final EmailWorkflows workflows;
    private final Suppressions suppressions;
    private final UnsubscribeLinks links;
    private final MeetingStore meetings;
    private final JdbcClient jdbc;
    private final JsonColumns json;

    public Sequences(SequenceTemplateStore templates, EnrollmentStore enrollments, EmailWorkflows workflows,
                     Suppressions suppressions, UnsubscribeLinks links, MeetingStore meetings, JdbcClient jdbc,
                     JsonColumns json) {
        this.json = json;
        this.templates = templates;
        this.enrollments = enrollments;
        this.workflows = workflows;
        this.suppressions = suppressions;
        this.links = links;
        this.meetings = meetings;
        this.jdbc = jdbc;
    }

    public List<Resolved> templates(Caller caller) {
        return templates.all(caller.organizationId());
    }

    public Optional<Resolved> template(Caller caller, String key) {
        return templates.resolve(caller.organizationId(), key, null);
    }

    public String export(Caller caller, String key) {
        return template(caller, key).map(r -> SequenceTemplates.write(r.template()))
                .orElseThrow(() -> new InvalidApprovalException("There is no sequence '" + key + "'"));
    }

    /** @throws dev.stellar.playbooks.sequence.SequenceTemplateException naming the line and field; nothing is saved */
    public Resolved save(Caller caller, String yaml) {
        if (!EDITORS.contains(caller.role())) {
            throw new RoleRequiredException("changing sequences", EDITORS);
        }
        return templates.save(caller.organizationId(), caller.userId(), yaml);
    }

    /**
     * Enrolls contacts of a meeting in a sequence, in the thread of the meeting's sent follow-up when there is one.
     *
     * @param contacts addresses; empty for the meeting's attendees outside the organisation
     * @return the new enrollments (a contact already in this sequence for this meeting is not enrolled twice)
     */
    public List<Enrollment> enroll(Caller caller, UUID meetingId, String key, List<String> contacts) {
        Resolved template = templates.resolve(caller.organizationId(), key, null)
                .orElseThrow(() -> new InvalidApprovalException("There is no sequence '" + key + "'"));
        UUID owner = jdbc.sql("select owner_id from meetings where id = ? and organization_id = ?")
                .params(meetingId, caller.organizationId()).query(UUID.class).optional()
                .orElseThrow(() -> new MeetingNotFoundException(meetingId));
        if (caller.role() == Role.REP && !caller.userId().equals(owner)) {
            throw new RoleRequiredException("enrolling contacts of another rep's meeting", Set.of(Role.MANAGER, Role.OPS,
                    Role.ADMIN));
        }
        List<Attendee> attendees = meetings.attendees(caller.organizationId(), meetingId);
        List<String> addresses = contacts == null || contacts.isEmpty()
                ? jdbc.sql("select to_addresses::text from drafts where meeting_id = ? and organization_id = ? and kind = 'EMAIL'"
                                + " and enrollment_id is null")
                        .params(meetingId, caller.organizationId()).query(String.class).optional()
                        .map(text -> json.read(text, new TypeReference<List<String>>() { }))
                        .orElse(List.of())
                : EmailAddresses.recipients(contacts, "contact");
        if (addresses.isEmpty()) {
            throw new InvalidApprovalException("Name at least one contact to enroll");
        }
        List<String> thread = jdbc.sql("""
                        select o.message_id from outbound_emails o join drafts d on d.id = o.draft_id
                        where d.meeting_id = ? and d.organization_id = ? and d.enrollment_id is null and o.status = 'SENT'""")
                .params(meetingId, caller.organizationId()).query(String.class).list();
        List<Enrollment> created = new ArrayList<>();
        for (String address : addresses) {
            if (!suppressions.among(caller.organizationId(), List.of(address)).isEmpty()) {
                throw new InvalidApprovalException(address + " must not be written to; it cannot be enrolled");
            }
            String name = attendees.stream().filter(a -> address.equals(a.email())).map(Attendee::name).findFirst().orElse(null);
            enrollments.create(caller.organizationId(), key, template.version(), meetingId, owner, address, name, thread)
                    .flatMap(id -> enrollments.find(caller.organizationId(), id))
                    .ifPresent(created::add);
        }
        created.forEach(e -> workflows.startSequence(e.organizationId(), e.id()));
        return created;
    }

    /** @param contact an address to filter on, or {@code null}; a rep sees the enrollments of their own meetings */
    public List<Enrollment> enrollments(Caller caller, String contact) {
        String address = contact == null || contact.isBlank() ? null : contact.strip().toLowerCase(java.util.Locale.ROOT);
        return enrollments.list(caller.organizationId(), address, 500).stream()
                .filter(e -> caller.role() != Role.REP || caller.userId().equals(e.ownerId()))
                .toList();
    }

    public EnrollmentDetail enrollment(Caller caller, UUID id) {
        Enrollment enrollment = visible(caller, id);
        return new EnrollmentDetail(enrollment, enrollments.history(caller.organizationId(), id),
                enrollment.running() ? workflows.sequenceState(caller.organizationId(), id).orElse(null) : null);
    }

    public EnrollmentDetail pause(Caller caller, UUID id) {
        visible(caller, id);
        if (enrollments.transition(caller.organizationId(), id, Status.PAUSED, null, null, caller.displayName())) {
            workflows.signalSequence(caller.organizationId(), id, w -> w.pause(new PauseRequest(caller.displayName())));
        }
        return enrollment(caller, id);
    }

    public EnrollmentDetail resume(Caller caller, UUID id) {
        Enrollment enrollment = visible(caller, id);
        if (enrollment.status() == Status.PAUSED
                && enrollments.transition(caller.organizationId(), id, Status.ACTIVE, null, null, caller.displayName())) {
            workflows.signalSequence(caller.organizationId(), id, w -> w.resume(new ResumeRequest(caller.displayName())));
        }
        return enrollment(caller, id);
    }

    public EnrollmentDetail stop(Caller caller, UUID id) {
        visible(caller, id);
        stop(caller.organizationId(), id, StopReason.MANUAL, "stopped by " + caller.displayName());
        return enrollment(caller, id);
    }

    /**
     * The one-click unsubscribe (RFC 8058): the address is suppressed for the organisation at once and its sequences stop.
     *
     * @return the address, for the confirmation page; empty for an unknown token
     */
    public Optional<String> unsubscribe(String token) {
        return links.target(token).map(target -> {
            suppressions.suppress(target.organizationId(), target.address(), Suppressions.Reason.UNSUBSCRIBED,
                    "one-click unsubscribe");
            stopAll(target.organizationId(), List.of(target.address()), StopReason.UNSUBSCRIBED, "the contact unsubscribed");
            return target.address();
        });
    }

    /** A meeting whose outcome is Won or Lost (or deal stage closed) ends the sequences of its attendees. */
    public void meetingAnalysed(UUID organizationId, UUID meetingId, List<ExtractedField> fields) {
        Optional<ExtractedField> closing = fields.stream()
                .filter(f -> f.key().equals("outcome") || f.key().equals("deal_stage"))
                .filter(f -> CLOSED.contains(f.valueJson()))
                .findFirst();
        if (closing.isEmpty()) {
            return;
        }
        List<String> attendees = meetings.attendees(organizationId, meetingId).stream().map(Attendee::email)
                .filter(java.util.Objects::nonNull).toList();
        stopAll(organizationId, attendees, StopReason.DEAL_CLOSED, "the deal was " + closing.get().valueJson()
                .replace("\"", "").replace('_', ' ').toLowerCase(java.util.Locale.ROOT) + " in a later meeting");
    }

    /** Stops every running sequence of these contacts. */
    public void stopAll(UUID organizationId, List<String> contacts, StopReason reason, String detail) {
        if (contacts.isEmpty()) {
            return;
        }
        for (Enrollment enrollment : enrollments.runningFor(organizationId, contacts)) {
            stop(organizationId, enrollment.id(), reason, detail);
        }
    }

    /** Stores the stop, then wakes the workflow so it ends before its next step. */
    public void stop(UUID organizationId, UUID enrollmentId, StopReason reason, String detail) {
        if (enrollments.transition(organizationId, enrollmentId, Status.STOPPED, reason, detail, null)) {
            log.info("Sequence enrollment {} stopped: {} ({})", enrollmentId, reason, detail);
        }
        workflows.signalSequence(organizationId, enrollmentId, w -> w.stop(new StopRequest(reason, detail)));
    }

    private Enrollment visible(Caller caller, UUID id) {
        return enrollments.find(caller.organizationId(), id)
                .filter(e -> caller.role() != Role.REP || caller.userId().equals(e.ownerId()))
                .orElseThrow(() -> new EnrollmentNotFoundException(id));
    }
}
