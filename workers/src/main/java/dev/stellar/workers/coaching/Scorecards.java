package dev.stellar.workers.coaching;

import dev.stellar.playbooks.scorecard.Scorecard;

/** Which scorecard a meeting is coached against: the built-in one of its kind of call, else the general one. */
public final class Scorecards {

    private Scorecards() {
    }

    public static Scorecard forSchema(String schemaKey) {
        return Scorecard.builtIn(schemaKey).orElseGet(Scorecard::general);
    }

    static String nameOf(String scorecardKey) {
        return Scorecard.builtIn(scorecardKey).map(Scorecard::name).orElse(Scorecard.general().name());
    }
}
