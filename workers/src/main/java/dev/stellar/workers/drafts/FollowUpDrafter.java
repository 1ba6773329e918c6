package dev.stellar.workers.drafts;

import java.util.List;

/** The follow-up email and social post agents. Implementations are pure functions of the context. */
public interface FollowUpDrafter {

    List<Draft> draft(DraftingContext context);
}
