package dev.stellar.workflows.meeting;

import java.util.List;

/**
 * Answer of the progress query.
 *
 * @param steps   every step with its state, in order
 * @param failure the reason of the failed step, or {@code null}
 */
public record MeetingProgress(List<StepProgress> steps, String failure) {

    public record StepProgress(MeetingStep step, StepState state) {
    }

    /** Share of finished steps, 0..100. */
    public int percent() {
        if (steps.isEmpty()) {
            return 0;
        }
        long done = steps.stream().filter(s -> s.state() == StepState.DONE).count();
        return (int) (done * 100 / steps.size());
    }
}
