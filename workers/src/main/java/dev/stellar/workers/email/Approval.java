package dev.stellar.workers.email;

import java.time.Instant;
import java.util.List;

/**
 * A rep's approval of a draft, with their edits.
 *
 * @param sendAt  when to send; {@code null} or a past instant sends now
 * @param version  the draft's version the rep saw; a draft changed since is not approved blindly
 * @param sequence the sequence its recipients continue in once it is sent (a template key), or {@code null}
 */
public record Approval(List<String> to, List<String> cc, String subject, String body, Instant sendAt, long version,
                       String sequence) {

    public Approval(List<String> to, List<String> cc, String subject, String body, Instant sendAt, long version) {
        this(to, cc, subject, body, sendAt, version, null);
    }
}
