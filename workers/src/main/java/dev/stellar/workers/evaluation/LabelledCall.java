package dev.stellar.workers.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One call of a labelled folder: {@code NAME.vtt|.srt|.txt} beside {@code NAME.expected.json}.
 *
 * @param name        the file name without extension
 * @param transcript  the transcript file
 * @param schema      the field schema the labels follow
 * @param meetingDate the call's date, against which relative dates resolve; {@code null} when not labelled
 * @param reps        the sellers on the call; empty when not labelled (roles are then inferred)
 * @param expected    expected values by field key; a schema field missing here must stay empty
 */
public record LabelledCall(String name, Path transcript, String schema, LocalDate meetingDate, List<String> reps,
                           Map<String, JsonNode> expected) {

    public LabelledCall {
        reps = List.copyOf(reps);
        expected = Map.copyOf(expected);
    }
}
