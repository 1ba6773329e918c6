package dev.stellar.workers.coaching;

import dev.stellar.playbooks.scorecard.Scorecard;

/** The coaching agent. Implementations are pure functions of their input. */
public interface CallCoach {

    CallScore score(Scorecard scorecard, CoachingContext call);
}
