package dev.stellar.workers.indexing;

import java.util.Locale;

/** The phases a sales conversation moves through. */
public enum ConversationPhase {
    INTRO, DISCOVERY, PRESENTATION, OBJECTION_HANDLING, PRICING, CLOSE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
