package dev.stellar.workflows.trigger;

import io.temporal.activity.ActivityInterface;

/** A firing's actions, run and recorded; each is safe to repeat (keyed by the firing and the action's place). */
@ActivityInterface
public interface TriggerActivities {

    /** Runs one action of the firing; a failure retrying cannot fix is thrown typed {@code ACTION_FAILED}. */
    String runAction(ActionRef action);

    /** Records what became of one action: done with its detail, or failed with the reason. */
    void recordAction(ActionResult result);

    record ActionRef(String organizationId, String firingId, int index) {
    }

    record ActionResult(String organizationId, String firingId, int index, boolean done, String detail) {
    }
}
