package dev.stellar.workers.email;

import dev.stellar.connectors.mail.MailDeliveryException;
import dev.stellar.playbooks.sequence.SendSchedule;
import dev.stellar.playbooks.sequence.SequenceStep;
import dev.stellar.playbooks.sequence.SequenceTemplate;
import dev.stellar.workers.email.Enrollment.Status;
import dev.stellar.workflows.Errors;
import dev.stellar.workflows.email.EmailActivities.DeliveryResult;
import dev.stellar.workflows.email.EmailSequenceWorkflow.SequenceStage;
import dev.stellar.workflows.email.SequenceActivities;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component("sequenceActivities")
public class SequenceActivitiesImpl implements SequenceActivities {

    private final EnrollmentStore enrollments;
    private final SequenceMailer mailer;
    private final MailboxStore mailboxes;
    private final ApprovalStore approvals;

    public SequenceActivitiesImpl(EnrollmentStore enrollments, SequenceMailer mailer, MailboxStore mailboxes,
                                  ApprovalStore approvals) {
        this.enrollments = enrollments;
        this.mailer = mailer;
        this.mailboxes = mailboxes;
        this.approvals = approvals;
    }

    @Override
    public StepPlan nextStep(EnrollmentRef ref) {
        Enrollment enrollment = enrollment(ref.organizationId(), ref.enrollmentId());
        if (!enrollment.running()) {
            return new StepPlan(-1, 0, false, enrollment.status().name(), enrollment.stopReason(), enrollment.stepsSent());
        }
        SequenceTemplate template = template(enrollment);
        int step = enrollment.stepsSent();
        if (step >= template.steps().size()) {
            return new StepPlan(-1, 0, false, enrollment.status().name(), null, step);
        }
        SequenceStep next = template.steps().get(step);
        // business days count in the template's zone, else the sending mailbox's (the rep's working day)
        ZoneId zone = template.zoneOr(mailboxes.senderFor(enrollment.organizationId(), enrollment.ownerId())
                .map(m -> ZoneId.of(m.timeZone())).orElse(ZoneId.of("UTC")));
        Instant previous = enrollment.lastSentAt() != null ? enrollment.lastSentAt() : enrollment.createdAt();
        Instant due = SendSchedule.next(previous, next.afterBusinessDays(), zone, template.sendWindow());
        enrollments.scheduled(enrollment.organizationId(), enrollment.id(), due);
        return new StepPlan(step, due.toEpochMilli(), next.reviewBeforeSend(), enrollment.status().name(), null, step);
    }

    @Override
    public DeliveryResult sendStep(SendStepInput input) {
        Enrollment enrollment = enrollment(input.organizationId(), input.enrollmentId());
        try {
            return mailer.send(enrollment, input.step(), input.idempotencyKey(), mailer.compose(enrollment, input.step()),
                    null);
        } catch (EmailRejectedException e) {
            throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), Errors.EMAIL_REJECTED.name());
        } catch (MailDeliveryException e) {
            throw ApplicationFailure.newFailure(e.getMessage(), "MAIL_SERVER_UNAVAILABLE");
        }
    }

    @Override
    public String draftStep(SendStepInput input) {
        Enrollment enrollment = enrollment(input.organizationId(), input.enrollmentId());
        SequenceMailer.StepMessage message = mailer.compose(enrollment, input.step());
        return approvals.draftStep(enrollment.organizationId(), enrollment.meetingId(), enrollment.id(), input.step(),
                enrollment.contactEmail(), message.subject(), message.body(),
                "sequence " + enrollment.templateKey()).toString();
    }

    @Override
    public void finish(FinishInput input) {
        UUID org = UUID.fromString(input.organizationId());
        UUID id = UUID.fromString(input.enrollmentId());
        if (input.stage() == SequenceStage.FINISHED) {
            enrollments.transition(org, id, Status.FINISHED, null, "every step was sent", null);
        } else {
            enrollments.transition(org, id, Status.STOPPED, input.reason(), input.detail(), null);
        }
    }

    private SequenceTemplate template(Enrollment enrollment) {
        try {
            return mailer.template(enrollment);
        } catch (EmailRejectedException e) {
            throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), Errors.EMAIL_REJECTED.name());
        }
    }

    private Enrollment enrollment(String organizationId, String enrollmentId) {
        return enrollments.find(UUID.fromString(organizationId), UUID.fromString(enrollmentId))
                .orElseThrow(() -> ApplicationFailure.newNonRetryableFailure("The sequence enrollment " + enrollmentId
                        + " no longer exists", Errors.ENROLLMENT_NOT_FOUND.name()));
    }
}
