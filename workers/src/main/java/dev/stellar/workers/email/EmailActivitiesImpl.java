package dev.stellar.workers.email;

import dev.stellar.connectors.mail.MailDeliveryException;
import dev.stellar.workers.email.EmailDelivery.Deferred;
import dev.stellar.workers.email.EmailDelivery.Outcome;
import dev.stellar.workers.email.EmailDelivery.Sent;
import dev.stellar.workers.email.InboxItem.DraftStatus;
import dev.stellar.workers.email.Suppressions.Suppression;
import dev.stellar.workers.meeting.MeetingStore;
import dev.stellar.workflows.Errors;
import dev.stellar.workflows.email.EmailActivities;
import dev.stellar.workflows.email.EmailApprovalWorkflow.ApprovalDecision;
import dev.stellar.workflows.email.EmailApprovalWorkflow.Decision;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component("emailActivities")
public class EmailActivitiesImpl implements EmailActivities {

    private static final Logger log = LoggerFactory.getLogger(EmailActivitiesImpl.class);

    private final ApprovalStore approvals;
    private final MailboxStore mailboxes;
    private final Suppressions suppressions;
    private final EmailDelivery delivery;
    private final ApprovalPolicies policies;
    private final EnrollmentStore enrollments;
    private final SequenceTemplateStore templates;
    private final SequenceMailer mailer;
    private final MeetingStore meetings;
    private final JdbcClient jdbc;
    private final Clock clock;

    public EmailActivitiesImpl(ApprovalStore approvals, MailboxStore mailboxes, Suppressions suppressions,
                               EmailDelivery delivery, ApprovalPolicies policies, EnrollmentStore enrollments,
                               SequenceTemplateStore templates, SequenceMailer mailer, MeetingStore meetings, JdbcClient jdbc,
                               Clock clock) {
        this.enrollments = enrollments;
        this.templates = templates;
        this.mailer = mailer;
        this.meetings = meetings;
        this.approvals = approvals;
        this.mailboxes = mailboxes;
        this.suppressions = suppressions;
        this.delivery = delivery;
        this.policies = policies;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public ApprovalPolicy openApproval(DraftRef ref) {
        InboxItem draft = draft(ref);
        ApprovalPolicies.Policy policy = policies.of(uuid(ref.organizationId()));
        Duration remind = policy.remindAfter();
        Duration expire = policy.expireAfter();
        approvals.open(uuid(ref.organizationId()), draft.id(), draft.createdAt().plus(expire));
        Instant now = clock.instant();
        // waits count from when the draft was written, so a resumed approval does not start its clock again
        long remindIn = Math.max(1, Duration.between(now, draft.createdAt().plus(remind)).toSeconds());
        long expireIn = Math.max(remindIn + 1, Duration.between(now, draft.createdAt().plus(expire)).toSeconds());
        return new ApprovalPolicy(remindIn, expireIn, decisionOf(draft));
    }

    @Override
    public void remindApprover(DraftRef ref) {
        InboxItem draft = draft(ref);
        UUID org = uuid(ref.organizationId());
        if (!approvals.markReminded(org, draft.id()) || draft.ownerId() == null) {
            return;
        }
        String ownerAddress = jdbc.sql("select email from users where id = ? and organization_id = ?")
                .params(draft.ownerId(), org).query(String.class).optional().orElse(null);
        var mailbox = mailboxes.senderFor(org, draft.ownerId());
        if (ownerAddress == null || mailbox.isEmpty()) {
            return; // the inbox shows the reminder; there is nothing to e-mail it with
        }
        try {
            delivery.deliver(new EmailDelivery.Request(org, Activity.getExecutionContext().getInfo().getWorkflowId()
                    + ":reminder", mailbox.get().id(), null, List.of(ownerAddress), List.of(),
                    "Waiting for your approval: " + draft.subject(),
                    "The follow-up to \"" + draft.meetingTitle() + "\" waits for your approval in Stellar's inbox.\n"
                            + (draft.expiresAt() == null ? "" : "It expires at " + draft.expiresAt() + ".\n"), Map.of()));
        } catch (RuntimeException e) {
            log.warn("Could not e-mail the reminder for draft {}: {}", draft.id(), e.getMessage());
        }
    }

    @Override
    public ApprovalDecision expireDraft(DraftRef ref) {
        UUID org = uuid(ref.organizationId());
        UUID id = uuid(ref.draftId());
        if (approvals.expire(org, id)) {
            return null;
        }
        return decisionOf(draft(ref));
    }

    @Override
    public DeliveryResult deliver(DeliverInput input) {
        DraftRef ref = new DraftRef(input.organizationId(), input.draftId());
        InboxItem draft = draft(ref);
        UUID org = uuid(input.organizationId());
        if (draft.status() == DraftStatus.SENT) {
            return new DeliveryResult(Delivery.SENT, 0, draft.deliveryNote());
        }
        DeliveryResult result;
        try {
            result = draft.enrollmentId() != null ? deliverStep(org, draft, input.idempotencyKey())
                    : deliverFollowUp(org, draft, input.idempotencyKey());
        } catch (EmailRejectedException e) {
            throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), Errors.EMAIL_REJECTED.name());
        } catch (MailDeliveryException e) {
            int attempt = Activity.getExecutionContext().getInfo().getAttempt();
            approvals.recordDelivery(org, draft.id(), DraftStatus.APPROVED,
                    "Retrying (attempt " + attempt + "): " + e.getMessage());
            throw ApplicationFailure.newFailure(e.getMessage(), "MAIL_SERVER_UNAVAILABLE");
        }
        approvals.recordDelivery(org, draft.id(), switch (result.delivery()) {
            case SENT -> DraftStatus.SENT;
            case SUPPRESSED -> DraftStatus.SUPPRESSED;
            case DEFERRED -> DraftStatus.APPROVED;
        }, result.detail());
        return result;
    }

    /** A meeting's follow-up: to the approved recipients who may still be written to, from the owner's mailbox. */
    private DeliveryResult deliverFollowUp(UUID org, InboxItem draft, String idempotencyKey) {
        Mailbox mailbox = mailboxes.senderFor(org, draft.ownerId()).orElseThrow(() -> new EmailRejectedException(
                "There is no mailbox to send from any more; connect one and approve again", List.of()));
        Set<String> suppressed = suppressions.among(org, all(draft)).stream().map(Suppression::address)
                .collect(Collectors.toSet());
        List<String> to = draft.to().stream().filter(a -> !suppressed.contains(a)).toList();
        List<String> cc = draft.cc().stream().filter(a -> !suppressed.contains(a)).toList();
        if (to.isEmpty()) {
            return new DeliveryResult(Delivery.SUPPRESSED, 0,
                    "Not sent: " + String.join(", ", suppressed) + " must not be written to any more");
        }
        Outcome outcome = delivery.deliver(new EmailDelivery.Request(org, idempotencyKey, mailbox.id(), draft.id(), to, cc,
                draft.subject(), draft.body(), Map.of()));
        if (outcome instanceof Sent sent) {
            return new DeliveryResult(Delivery.SENT, 0, "Sent from " + mailbox.address() + " as <" + sent.messageId() + ">");
        }
        Deferred deferred = (Deferred) outcome;
        return new DeliveryResult(Delivery.DEFERRED, deferred.until().toEpochMilli(), deferred.reason());
    }

    /** A reviewed sequence step: as approved, in its sequence's thread, with unsubscribe. */
    private DeliveryResult deliverStep(UUID org, InboxItem draft, String idempotencyKey) {
        Enrollment enrollment = enrollments.find(org, draft.enrollmentId())
                .orElseThrow(() -> new EmailRejectedException("The sequence enrollment no longer exists", List.of()));
        return mailer.send(enrollment, draft.step(), idempotencyKey,
                new SequenceMailer.StepMessage(draft.subject(), draft.body()), draft.id());
    }

    @Override
    public Enrollments enrollAfterSend(DraftRef ref) {
        InboxItem draft = draft(ref);
        if (draft.sequenceKey() == null || draft.enrollmentId() != null || draft.status() != DraftStatus.SENT) {
            return new Enrollments(List.of());
        }
        UUID org = uuid(ref.organizationId());
        var template = templates.resolve(org, draft.sequenceKey(), null);
        if (template.isEmpty()) {
            log.warn("Draft {} names the sequence {}, which no longer exists", draft.id(), draft.sequenceKey());
            return new Enrollments(List.of());
        }
        List<String> thread = approvals.sentMessageId(org, draft.id()).map(List::of).orElse(List.of());
        Map<String, String> names = meetings.attendees(org, draft.meetingId()).stream()
                .filter(a -> a.email() != null && a.name() != null)
                .collect(Collectors.toMap(a -> a.email(), a -> a.name(), (a, b) -> a));
        List<String> started = new ArrayList<>();
        for (String contact : draft.to()) {
            enrollments.create(org, draft.sequenceKey(), template.get().version(), draft.meetingId(), draft.ownerId(),
                            contact, names.get(contact), thread)
                    .ifPresent(id -> started.add(id.toString()));
        }
        return new Enrollments(started);
    }

    @Override
    public void recordDeliveryFailure(DeliveryFailure failure) {
        approvals.recordDelivery(uuid(failure.organizationId()), uuid(failure.draftId()), DraftStatus.FAILED, failure.reason());
    }

    private InboxItem draft(DraftRef ref) {
        return approvals.find(uuid(ref.organizationId()), uuid(ref.draftId()))
                .orElseThrow(() -> ApplicationFailure.newNonRetryableFailure("The drafted e-mail " + ref.draftId()
                        + " no longer exists", Errors.DRAFT_NOT_FOUND.name()));
    }

    /** The decision stored for the draft; an expired one counts as rejected (nothing is to be sent). */
    private static ApprovalDecision decisionOf(InboxItem draft) {
        return switch (draft.status()) {
            case DRAFT -> null;
            case REJECTED, EXPIRED -> new ApprovalDecision(Decision.REJECT, 0);
            case APPROVED, SENT, SUPPRESSED, FAILED -> new ApprovalDecision(Decision.APPROVE,
                    draft.sendAt() == null ? 0 : draft.sendAt().toEpochMilli());
        };
    }

    private static List<String> all(InboxItem draft) {
        List<String> all = new ArrayList<>(draft.to());
        all.addAll(draft.cc());
        return all;
    }

    private static UUID uuid(String value) {
        return UUID.fromString(value);
    }
}
