package dev.stellar.workers.extraction;

import dev.stellar.playbooks.schema.FieldSchema;
import dev.stellar.workers.transcript.Utterance;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an extractor sees of a meeting.
 *
 * @param utterances         the transcript
 * @param organisationPeople display names of the organisation's people (who in the call sells)
 * @param owner              display name of the meeting's owner, or {@code null}
 * @param meetingDate the date the platform or uploader gave, or {@code null}
 * @param receivedOn  the date Stellar received the meeting, the last resort for the meeting date
 * @param schema      the fields to extract
 */
public record ExtractionContext(List<Utterance> utterances, Set<String> organisationPeople, String owner,
                                LocalDate meetingDate, LocalDate receivedOn, FieldSchema schema) {

    public ExtractionContext {
        utterances = List.copyOf(utterances);
        organisationPeople = Set.copyOf(organisationPeople);
        Objects.requireNonNull(schema, "schema");
    }

    /** The day relative dates ("next Tuesday") count from. */
    public LocalDate referenceDate() {
        return meetingDate != null ? meetingDate : receivedOn;
    }
}
