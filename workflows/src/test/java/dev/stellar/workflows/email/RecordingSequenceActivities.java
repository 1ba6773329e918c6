package dev.stellar.workflows.email;

import dev.stellar.workflows.email.EmailActivities.Delivery;
import dev.stellar.workflows.email.EmailActivities.DeliveryResult;
import dev.stellar.workflows.email.EmailSequenceWorkflow.StopReason;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * Sequence activities for workflow tests: an enrollment held in memory, with steps due a number of days after the
 * previous send; they record every call.
 */
class RecordingSequenceActivities implements SequenceActivities {

    /** Step i is due this long after the previous message; a negative value marks a "review before send" step. */
    final List<Duration> steps;
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile String status = "ACTIVE";
    volatile StopReason stopReason;
    volatile int sent;
    volatile long lastSentAt;
    /** What the poll found between steps: the row says STOPPED before any signal arrives. */
    volatile StopReason stopInTheRowBeforeStep;
    volatile int stopBeforeStep = -1;

    /** The test environment's clock, which skips ahead while workflows wait. */
    volatile LongSupplier clock = System::currentTimeMillis;

    RecordingSequenceActivities(List<Duration> steps) {
        this.steps = steps;
    }

    void enrolledAt(long millis) {
        lastSentAt = millis;
    }

    @Override
    public synchronized StepPlan nextStep(EnrollmentRef enrollment) {
        calls.add("plan:" + sent);
        if (sent >= steps.size() || !status.equals("ACTIVE") && !status.equals("PAUSED")) {
            return new StepPlan(-1, 0, false, status, stopReason, sent);
        }
        Duration delay = steps.get(sent).abs();
        return new StepPlan(sent, lastSentAt + delay.toMillis(), steps.get(sent).isNegative(), status, null, sent);
    }

    @Override
    public synchronized DeliveryResult sendStep(SendStepInput input) {
        calls.add("send:" + input.step() + ":" + input.idempotencyKey());
        if (input.step() == stopBeforeStep) {
            status = "STOPPED";
            stopReason = stopInTheRowBeforeStep;
            return new DeliveryResult(Delivery.SUPPRESSED, 0, "The contact replied");
        }
        sent++;
        lastSentAt = clock.getAsLong();
        return new DeliveryResult(Delivery.SENT, 0, "sent");
    }

    @Override
    public String draftStep(SendStepInput input) {
        calls.add("draft:" + input.step());
        return "step-draft-" + input.step();
    }

    @Override
    public synchronized void finish(FinishInput input) {
        calls.add("finish:" + input.stage() + (input.reason() == null ? "" : ":" + input.reason()));
        status = input.stage().name().equals("STOPPED") ? "STOPPED" : "FINISHED";
        stopReason = input.reason();
    }

    /** A review step's approval ended in SENT: the delivery path counted it, as the real one does. */
    synchronized void countApprovedStep() {
        sent++;
    }
}
