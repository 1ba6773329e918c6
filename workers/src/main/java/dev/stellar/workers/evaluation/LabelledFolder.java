package dev.stellar.workers.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stellar.playbooks.schema.FieldSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads a labelled folder. Every {@code NAME.expected.json} needs exactly one transcript beside it; labels are
 * checked against their schema (unknown schema, unknown field) so a typo fails loudly instead of scoring zero.
 */
public final class LabelledFolder {

    static final String LABEL_SUFFIX = ".expected.json";
    private static final List<String> TRANSCRIPT_EXTENSIONS = List.of(".vtt", ".srt", ".txt");
    private static final Set<String> LABEL_KEYS = Set.of("schema", "meeting_date", "reps", "fields");

    private LabelledFolder() {
    }

    public static List<LabelledCall> read(Path folder, Function<String, FieldSchema> schemas, ObjectMapper json) {
        if (!Files.isDirectory(folder)) {
            throw new LabelledFolderException(folder, "not a folder");
        }
        List<Path> labels;
        try (Stream<Path> files = Files.list(folder)) {
            labels = files.filter(f -> f.getFileName().toString().endsWith(LABEL_SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new LabelledFolderException(folder, "cannot list: " + e.getMessage(), e);
        }
        if (labels.isEmpty()) {
            throw new LabelledFolderException(folder, "no *" + LABEL_SUFFIX + " files");
        }
        List<LabelledCall> calls = new ArrayList<>();
        for (Path label : labels) {
            calls.add(readCall(label, schemas, json));
        }
        return calls;
    }

    private static LabelledCall readCall(Path label, Function<String, FieldSchema> schemas, ObjectMapper json) {
        String fileName = label.getFileName().toString();
        String name = fileName.substring(0, fileName.length() - LABEL_SUFFIX.length());
        List<Path> transcripts = TRANSCRIPT_EXTENSIONS.stream().map(ext -> label.resolveSibling(name + ext))
                .filter(Files::isRegularFile).toList();
        if (transcripts.size() != 1) {
            throw new LabelledFolderException(label, transcripts.isEmpty()
                    ? "no transcript " + name + ".vtt, .srt or .txt beside it"
                    : "more than one transcript beside it: " + transcripts);
        }
        JsonNode root;
        try {
            root = json.readTree(Files.readString(label));
        } catch (JsonProcessingException e) {
            throw new LabelledFolderException(label, "line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new LabelledFolderException(label, "cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new LabelledFolderException(label, "expected a JSON object {\"schema\": ..., \"fields\": {...}}");
        }
        root.fieldNames().forEachRemaining(key -> {
            if (!LABEL_KEYS.contains(key)) {
                throw new LabelledFolderException(label, "unknown key '" + key + "'; allowed: " + LABEL_KEYS);
            }
        });
        String schemaKey = root.path("schema").asText(null);
        if (schemaKey == null) {
            throw new LabelledFolderException(label, "'schema' is missing");
        }
        FieldSchema schema;
        try {
            schema = schemas.apply(schemaKey);
        } catch (IllegalArgumentException e) {
            throw new LabelledFolderException(label, "schema: " + e.getMessage(), e);
        }
        JsonNode fields = root.path("fields");
        if (!fields.isObject()) {
            throw new LabelledFolderException(label, "'fields' must be an object of expected values");
        }
        Map<String, JsonNode> expected = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (schema.field(entry.getKey()).isEmpty()) {
                throw new LabelledFolderException(label, "fields." + entry.getKey() + ": not a field of schema " + schemaKey);
            }
            expected.put(entry.getKey(), entry.getValue());
        }
        LocalDate meetingDate = null;
        if (root.hasNonNull("meeting_date")) {
            try {
                meetingDate = LocalDate.parse(root.get("meeting_date").asText());
            } catch (DateTimeParseException e) {
                throw new LabelledFolderException(label, "meeting_date: not an ISO date (yyyy-mm-dd)", e);
            }
        }
        List<String> reps = new ArrayList<>();
        root.path("reps").forEach(rep -> reps.add(rep.asText()));
        return new LabelledCall(name, transcripts.get(0), schemaKey, meetingDate, reps, expected);
    }
}
