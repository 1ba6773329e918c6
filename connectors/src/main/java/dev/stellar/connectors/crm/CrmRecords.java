package dev.stellar.connectors.crm;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One organisation's CRM, reached with its credentials. Objects and properties are named as the CRM names them
 * ({@code deal}/{@code amount} in HubSpot, {@code Opportunity}/{@code Amount} in Salesforce); values travel as the
 * strings the CRM's API speaks.
 *
 * @see CrmException for what a call that fails as a whole throws
 */
public interface CrmRecords {

    /** Which CRM this is and whom it answers for, e.g. "HubSpot portal 62515"; prepares what Stellar's writes need. */
    String describe();

    /**
     * The current values of the records with these keys. A key without a record is absent from the answer.
     *
     * @param keyProperty the property the keys are values of, e.g. {@code email}
     */
    Map<String, CrmRecord> read(String object, String keyProperty, Collection<String> keys, Collection<String> properties);

    /**
     * Creates or updates each record found by its key, in batches the CRM accepts. One result per write, in order:
     * a record the CRM refused carries its reason and the others are written regardless. Calling again with the same
     * writes updates the same records.
     */
    List<WriteResult> upsert(String object, String keyProperty, List<RecordWrite> writes);

    /**
     * Records of an object changed after a point, oldest change first, at most {@code limit}: how changes made in the CRM
     * (a deal's stage, its amount) flow back. The point is a moment and the id of the last record read at it, so that
     * records changed at the same moment (a bulk update) are all read, page after page: the last one's
     * {@link ChangedRecord#modifiedAt()} and {@link ChangedRecord#id()} are the next call's {@code since} and
     * {@code afterId}.
     *
     * @param afterId null to read everything changed at {@code since} too
     */
    List<ChangedRecord> changedSince(String object, java.time.Instant since, String afterId, Collection<String> properties,
                                     int limit);

    /** A record as it is after a change, and when the CRM last changed it. */
    record ChangedRecord(String id, Map<String, String> values, java.time.Instant modifiedAt) {
    }

    /**
     * Logs the meeting on the records it concerns (a HubSpot note, a completed Salesforce task), once: a note that
     * carries the same marker already is found and kept, so a retry never logs the meeting twice.
     *
     * @return the note's id, and whether this call created it
     */
    WriteResult logMeeting(MeetingNote note);

    /** The CRM object meeting notes are ({@code notes}, {@code Task}): what {@link #archive} takes to remove one. */
    String noteObject();

    /**
     * @param marker a token unique to the meeting and the CRM, written into the note so that it can be found again
     * @param links  the records the note belongs to: object (as the mapping names it) → record id
     */
    record MeetingNote(String marker, String subject, String body, java.time.Instant at, Map<String, String> links) {
    }

    /** Moves a record to the CRM's recycle bin (an undo of one Stellar created); one already gone is fine. */
    void archive(String object, String id);

    /** A record as the CRM holds it. */
    record CrmRecord(String id, Map<String, String> values) {
    }

    /** What to write to the record found by {@code key}; a null value clears the property. */
    record RecordWrite(String key, Map<String, String> values) {
    }

    /**
     * @param id      the CRM's id of the record written, null when it failed
     * @param created whether the write created the record
     * @param failure why the CRM refused this record, null when it was written
     */
    record WriteResult(String key, String id, boolean created, CrmFailure failure) {

        public boolean written() {
            return failure == null;
        }
    }

    /**
     * @param code      the CRM's own code, e.g. {@code VALIDATION_ERROR}, {@code REQUIRED_FIELD_MISSING}
     * @param retryable whether the same write may succeed later (a lock, an outage), as opposed to bad data
     */
    record CrmFailure(String code, String message, boolean retryable) {
    }
}
