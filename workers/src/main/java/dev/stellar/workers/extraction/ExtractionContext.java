package dev.stellar.workers.extraction;

import dev.stellar.workers.transcript.Utterance;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What an extractor sees of a meeting.
 *
 * @param utterances  the transcript
 * @param repNames    names of the organisation's people in the call (the meeting owner at least)
 * @param meetingDate the date the platform or uploader gave, or {@code null}
 * @param receivedOn  the date Stellar received the meeting, the last resort for the meeting date
 */
public record ExtractionContext(List<Utterance> utterances, Set<String> repNames, LocalDate meetingDate,
                                LocalDate receivedOn) {

    public ExtractionContext {
        utterances = List.copyOf(utterances);
        repNames = Set.copyOf(repNames);
    }
}
