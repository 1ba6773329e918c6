package dev.stellar.workflows.email;

import dev.stellar.workflows.email.EmailApprovalWorkflow.ApprovalDecision;
import io.temporal.activity.ActivityInterface;

/** The side effects of an e-mail's approval: reading the policy and the decision, reminding, expiring, sending. */
@ActivityInterface
public interface EmailActivities {

    /** Marks the draft as waiting (setting when it expires) and returns the organisation's policy and any stored decision. */
    ApprovalPolicy openApproval(DraftRef draft);

    /** Tells the approver the draft is still waiting (in the inbox and by e-mail). */
    void remindApprover(DraftRef draft);

    /** Expires the draft unless a decision got there first; returns the decision that did, or {@code null}. */
    ApprovalDecision expireDraft(DraftRef draft);

    /**
     * Sends the approved draft exactly once per key: a retry after the message went out finds it in the log or in the
     * mailbox's Sent folder instead of sending again.
     */
    DeliveryResult deliver(DeliverInput input);

    /**
     * After the draft was sent: enrolls its recipients in the sequence the approver chose, if any, in the thread of the
     * sent message; returns the enrollments to start (none when no sequence was chosen, or they exist already).
     */
    Enrollments enrollAfterSend(DraftRef draft);

    /** Records that sending gave up, with the reason a person will read. */
    void recordDeliveryFailure(DeliveryFailure failure);

    record DraftRef(String organizationId, String draftId) {
    }

    /**
     * @param remindAfterSeconds how long a draft waits before its approver is reminded
     * @param expireAfterSeconds how long it waits in all before it expires
     * @param decision           the decision already stored, or {@code null} while none is
     */
    record ApprovalPolicy(long remindAfterSeconds, long expireAfterSeconds, ApprovalDecision decision) {
    }

    /** @param idempotencyKey the same for every attempt at this one send; it becomes the Message-ID */
    record DeliverInput(String organizationId, String draftId, String idempotencyKey) {
    }

    /**
     * @param notBeforeEpochMs for {@link Delivery#DEFERRED}: when the mailbox may send again (its daily cap or spacing)
     */
    record DeliveryResult(Delivery delivery, long notBeforeEpochMs, String detail) {
    }

    enum Delivery { SENT, DEFERRED, SUPPRESSED }

    record Enrollments(java.util.List<String> enrollmentIds) {
    }

    record DeliveryFailure(String organizationId, String draftId, String reason) {
    }
}
