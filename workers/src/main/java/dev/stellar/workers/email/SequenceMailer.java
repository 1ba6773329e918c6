package dev.stellar.workers.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stellar.playbooks.sequence.SequenceMessages;
import dev.stellar.playbooks.sequence.SequenceStep;
import dev.stellar.playbooks.sequence.SequenceTemplate;
import dev.stellar.workers.email.EmailDelivery.Deferred;
import dev.stellar.workers.email.EmailDelivery.Outcome;
import dev.stellar.workers.email.EmailDelivery.Sent;
import dev.stellar.workers.email.Enrollment.Status;
import dev.stellar.workers.email.Suppressions.Suppression;
import dev.stellar.workflows.email.EmailActivities.Delivery;
import dev.stellar.workflows.email.EmailActivities.DeliveryResult;
import dev.stellar.workflows.email.EmailSequenceWorkflow.StopReason;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Writes and sends a sequence step: the template rendered with the contact, the rep and the meeting's facts; sent to the
 * contact in the thread of the messages before it, with one-click unsubscribe. Refuses a stopped enrollment or a
 * suppressed contact, and stops the enrollment for the latter.
 */
@Service
public class SequenceMailer {

    /** A step as it will be sent. */
    public record StepMessage(String subject, String body) {
    }

    private final EnrollmentStore enrollments;
    private final SequenceTemplateStore templates;
    private final MailboxStore mailboxes;
    private final Suppressions suppressions;
    private final EmailDelivery delivery;
    private final UnsubscribeLinks links;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final java.time.Clock clock;

    public SequenceMailer(EnrollmentStore enrollments, SequenceTemplateStore templates, MailboxStore mailboxes,
                          Suppressions suppressions, EmailDelivery delivery, UnsubscribeLinks links, JdbcClient jdbc,
                          ObjectMapper json, java.time.Clock clock) {
        this.clock = clock;
        this.enrollments = enrollments;
        this.templates = templates;
        this.mailboxes = mailboxes;
        this.suppressions = suppressions;
        this.delivery = delivery;
        this.links = links;
        this.jdbc = jdbc;
        this.json = json;
    }

    public SequenceTemplate template(Enrollment enrollment) {
        return templates.resolve(enrollment.organizationId(), enrollment.templateKey(), enrollment.templateVersion())
                .orElseThrow(() -> new EmailRejectedException("The sequence " + enrollment.templateKey() + " no longer exists",
                        List.of()))
                .template();
    }

    public StepMessage compose(Enrollment enrollment, int step) {
        SequenceStep definition = template(enrollment).steps().get(step);
        Map<String, Object> variables = variables(enrollment);
        return new StepMessage(SequenceMessages.render(definition.subject(), variables).strip(),
                SequenceMessages.render(definition.body(), variables).strip());
    }

    /**
     * @param draftId the approved draft this step is, or {@code null} when it needs no review
     * @throws EmailRejectedException when there is nothing to send with, or the server refused it for good
     */
    public DeliveryResult send(Enrollment enrollment, int step, String idempotencyKey, StepMessage message, UUID draftId) {
        UUID org = enrollment.organizationId();
        if (enrollment.status() == Status.PAUSED) {
            return new DeliveryResult(Delivery.DEFERRED, clock.instant().plusSeconds(60).toEpochMilli(), "The sequence is paused");
        }
        if (!enrollment.running()) {
            return new DeliveryResult(Delivery.SUPPRESSED, 0, "The sequence was stopped"
                    + (enrollment.stopReason() == null ? "" : ": " + enrollment.stopReason().name().toLowerCase(java.util.Locale.ROOT)));
        }
        List<Suppression> suppressed = suppressions.among(org, List.of(enrollment.contactEmail()));
        if (!suppressed.isEmpty()) {
            StopReason reason = suppressed.get(0).reason() == Suppressions.Reason.BOUNCED ? StopReason.BOUNCED
                    : StopReason.UNSUBSCRIBED;
            String detail = enrollment.contactEmail() + " must not be written to any more";
            enrollments.transition(org, enrollment.id(), Status.STOPPED, reason, detail, null);
            return new DeliveryResult(Delivery.SUPPRESSED, 0, detail);
        }
        Mailbox mailbox = mailboxes.senderFor(org, enrollment.ownerId()).orElseThrow(() -> new EmailRejectedException(
                "There is no mailbox to send the sequence from; connect one under Mailbox", List.of()));
        UnsubscribeLinks.Links unsubscribe = links.create(org, enrollment.contactEmail(), enrollment.id(), mailbox.address());
        List<String> thread = enrollment.threadMessageIds();
        Outcome outcome = delivery.deliver(new EmailDelivery.Request(org, idempotencyKey, mailbox.id(), draftId,
                List.of(enrollment.contactEmail()), List.of(), message.subject(),
                message.body() + "\n\n--\nTo get no more e-mails like this one: " + unsubscribe.url(),
                unsubscribe.headers(), thread.isEmpty() ? null : thread.get(thread.size() - 1), thread, enrollment.id()));
        if (outcome instanceof Sent sent) {
            enrollments.recordSent(org, enrollment.id(), step, sent.messageId());
            return new DeliveryResult(Delivery.SENT, 0, "Sent from " + mailbox.address() + " as <" + sent.messageId() + ">");
        }
        Deferred deferred = (Deferred) outcome;
        return new DeliveryResult(Delivery.DEFERRED, deferred.until().toEpochMilli(), deferred.reason());
    }

    /** What a template may say: the contact, the rep, the meeting and its extracted fields as text. */
    private Map<String, Object> variables(Enrollment enrollment) {
        Map<String, Object> contact = new LinkedHashMap<>();
        String name = enrollment.contactName() == null ? "" : enrollment.contactName();
        contact.put("name", name);
        contact.put("first_name", name.isBlank() ? "there" : name.strip().split("\\s+")[0]);
        contact.put("email", enrollment.contactEmail());
        String rep = enrollment.ownerName() == null ? "" : enrollment.ownerName();
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("contact", contact);
        variables.put("rep", Map.of("name", rep, "first_name", rep.isBlank() ? "" : rep.split("\\s+")[0]));
        Map<String, Object> meeting = new LinkedHashMap<>();
        Map<String, Object> fields = new LinkedHashMap<>();
        if (enrollment.meetingId() != null) {
            jdbc.sql("select title, coalesce(started_at, created_at) as at from meetings where id = ? and organization_id = ?")
                    .params(enrollment.meetingId(), enrollment.organizationId())
                    .query((rs, i) -> {
                        meeting.put("title", rs.getString("title"));
                        meeting.put("date", LocalDate.ofInstant(rs.getTimestamp("at").toInstant(), ZoneOffset.UTC).toString());
                        return null;
                    })
                    .list();
            jdbc.sql("select field_key, value::text from insights where meeting_id = ? and organization_id = ?")
                    .params(enrollment.meetingId(), enrollment.organizationId())
                    .query((rs, i) -> fields.put(rs.getString(1), text(rs.getString(2))))
                    .list();
        }
        variables.put("meeting", meeting);
        variables.put("fields", fields);
        return variables;
    }

    /** A field's value as a sentence would say it: money with its currency, lists joined. */
    private String text(String value) {
        try {
            JsonNode node = json.readTree(value);
            if (node.isArray()) {
                List<String> items = new java.util.ArrayList<>();
                node.forEach(item -> items.add(item.isTextual() ? item.asText() : item.toString()));
                return String.join(", ", items);
            }
            if (node.isObject() && node.has("amount")) {
                return node.get("amount").asText() + (node.has("currency") ? " " + node.get("currency").asText() : "");
            }
            return node.isValueNode() ? node.asText() : node.toString();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return value;
        }
    }
}
