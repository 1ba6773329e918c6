package dev.stellar.workers.email;

import java.util.UUID;

/** No such drafted e-mail for this person: missing, another organisation's, or another rep's. */
public class DraftNotFoundException extends RuntimeException {

    public DraftNotFoundException(UUID draftId) {
        super("No drafted e-mail " + draftId);
    }
}
