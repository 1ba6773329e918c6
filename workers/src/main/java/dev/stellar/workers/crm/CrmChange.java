package dev.stellar.workers.crm;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of a meeting's CRM diff: a property of a record, what the CRM held, what Stellar proposes and on what
 * evidence, what a person decided and what was written.
 *
 * @param recordKey     the value the record is found by (an e-mail address, the customer's account)
 * @param recordId      the CRM's id, once the record is known to exist
 * @param currentValue  the CRM's value when the change was proposed; null: empty or no record yet
 * @param beforeValue   the CRM's value just before the change was written (what an undo writes back)
 * @param appliedValue  what was written: the proposed value, or the reviewer's edit of it
 * @param autoApplied   approved by the organisation's confidence threshold, not by a person
 * @param recordCreated the write created the record (an undo archives it rather than clearing its values)
 * @param beforeRead    the CRM's values were read before the first attempt to write (kept for the retries)
 */
public record CrmChange(UUID id, UUID meetingId, UUID connectionId, String connectionName, String object,
                        String objectLabel, String keyProperty, String recordKey, String recordId, String property,
                        String fieldKey, String currentValue, String proposedValue, Double confidence,
                        String evidenceQuote, Long evidenceStartMs, Status status, boolean autoApplied, String decidedBy,
                        Instant decidedAt, Instant escalatedAt, String beforeValue, String appliedValue, Instant appliedAt,
                        boolean recordCreated, boolean beforeRead, String error, long version) {

    public enum Status { PROPOSED, APPROVED, REJECTED, EXPIRED, APPLIED, FAILED, UNDONE }

    public boolean waiting() {
        return status == Status.PROPOSED;
    }

    /** The meeting's note (logged on the records), rather than a property of one. */
    public boolean note() {
        return MeetingNotes.KEY.equals(keyProperty);
    }
}
