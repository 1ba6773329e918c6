package dev.stellar.workflows.email;

import dev.stellar.workflows.Errors;
import dev.stellar.workflows.email.EmailApprovalWorkflow.ApprovalDecision;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** E-mail activities for workflow tests: they record every call and answer as told, without a database or mail server. */
public class RecordingEmailActivities implements EmailActivities {

    public final List<String> calls = new CopyOnWriteArrayList<>();
    public volatile long remindAfterSeconds = 3600;
    public volatile long expireAfterSeconds = 7 * 24 * 3600;
    /** A decision stored before the workflow (re)started. */
    public volatile ApprovalDecision stored;
    /** What the next deliveries answer, in order; then SENT. A null entry is a transient failure. */
    public final Deque<DeliveryResult> deliveries = new ArrayDeque<>();
    public volatile boolean rejectedByServer;
    public volatile int transientFailures;
    /** What sending also records elsewhere (a sequence step counts as sent). */
    public volatile Runnable onSent = () -> { };

    @Override
    public ApprovalPolicy openApproval(DraftRef draft) {
        calls.add("open:" + draft.draftId());
        return new ApprovalPolicy(remindAfterSeconds, expireAfterSeconds, stored);
    }

    @Override
    public void remindApprover(DraftRef draft) {
        calls.add("remind");
    }

    @Override
    public ApprovalDecision expireDraft(DraftRef draft) {
        calls.add("expire");
        return null;
    }

    @Override
    public synchronized DeliveryResult deliver(DeliverInput input) {
        calls.add("deliver:" + input.idempotencyKey());
        if (rejectedByServer) {
            throw ApplicationFailure.newNonRetryableFailure("mx.example.com rejected pat@example.com: 550 no such user",
                    Errors.EMAIL_REJECTED.name());
        }
        if (transientFailures > 0) {
            transientFailures--;
            throw ApplicationFailure.newFailure("smtp.example.com:587 is unreachable", "MAIL_SERVER_UNAVAILABLE");
        }
        DeliveryResult next = deliveries.poll();
        DeliveryResult result = next != null ? next : new DeliveryResult(Delivery.SENT, 0, "Sent as <m@example.com>");
        if (result.delivery() == Delivery.SENT) {
            onSent.run();
        }
        return result;
    }

    /** The enrollments the next {@link #enrollAfterSend} starts. */
    public volatile List<String> enrollments = List.of();

    @Override
    public Enrollments enrollAfterSend(DraftRef draft) {
        calls.add("enroll:" + draft.draftId());
        return new Enrollments(enrollments);
    }

    @Override
    public void recordDeliveryFailure(DeliveryFailure failure) {
        calls.add("failed:" + failure.reason());
    }
}
