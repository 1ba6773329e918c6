package dev.stellar.workers.email;

import dev.stellar.workers.drafts.Draft.Grounding;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A drafted e-mail as the approval inbox shows it.
 *
 * @param namedRecipients who the draft addresses, as the call names them
 * @param to              the addresses it goes to (pre-filled from the meeting's attendees; the rep may change them)
 * @param grounding       every fact the body states, with the call's words for it
 * @param deliveryNote    why it failed, was suppressed, or when it goes out
 * @param version         for optimistic locking: a decision on an older version is refused
 * @param enrollmentId    for a sequence step waiting for review, its enrollment; else {@code null}
 * @param step            for a sequence step, its 0-based index
 * @param sequenceKey     the sequence its recipients continue in once it is sent, or {@code null}
 */
public record InboxItem(UUID id, UUID meetingId, String meetingTitle, UUID ownerId, String ownerName,
                        List<String> namedRecipients, List<String> to, List<String> cc, String subject, String body,
                        List<Grounding> grounding, String draftedBy, DraftStatus status, Instant createdAt,
                        Instant expiresAt, Instant remindedAt, String decidedBy, Instant decidedAt, String decisionNote,
                        Instant sendAt, String deliveryNote, long version, UUID enrollmentId, Integer step,
                        String sequenceKey) {

    /** Where a drafted e-mail stands. */
    public enum DraftStatus { DRAFT, APPROVED, REJECTED, EXPIRED, SENT, SUPPRESSED, FAILED }

    public boolean waiting() {
        return status == DraftStatus.DRAFT;
    }
}
