package dev.stellar.workers.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.stellar.playbooks.schema.FieldDefinition;
import dev.stellar.playbooks.schema.FieldSchema;
import dev.stellar.playbooks.schema.FieldType;
import dev.stellar.workers.extraction.ExtractionContext;
import dev.stellar.workers.extraction.InsightExtractor;
import dev.stellar.workers.transcript.Transcript;
import dev.stellar.workers.transcript.TranscriptFormatException;
import dev.stellar.workers.transcript.TranscriptParser;
import dev.stellar.workers.transcript.Utterance;
import dev.stellar.workflows.meeting.MeetingActivities.ExtractedField;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Runs an extractor over labelled calls and scores it field by field. */
public final class Evaluator {

    private final TranscriptParser parser;
    private final InsightExtractor extractor;
    private final Function<String, FieldSchema> schemas;
    private final ObjectMapper json;

    public Evaluator(TranscriptParser parser, InsightExtractor extractor, Function<String, FieldSchema> schemas,
                     ObjectMapper json) {
        this.parser = parser;
        this.extractor = extractor;
        this.schemas = schemas;
        this.json = json;
    }

    public EvaluationReport evaluate(String folderName, List<LabelledCall> calls) {
        Map<String, FieldScore> scores = new LinkedHashMap<>();
        List<EvaluationReport.Miss> misses = new ArrayList<>();
        long words = 0;
        long nanos = 0;
        int exactCalls = 0;
        int evidenceValid = 0;
        int evidenceChecked = 0;
        for (LabelledCall call : calls) {
            FieldSchema schema = schemas.apply(call.schema());
            long started = System.nanoTime();
            Transcript transcript = parse(call);
            LocalDate date = call.meetingDate() != null ? call.meetingDate() : LocalDate.now();
            List<ExtractedField> extracted = extractor.extract(new ExtractionContext(transcript.utterances(),
                    Set.copyOf(call.reps()), null, call.meetingDate(), date, schema));
            nanos += System.nanoTime() - started;
            words += transcript.utterances().stream().mapToLong(Utterance::words).sum();

            Map<String, ExtractedField> byKey = new LinkedHashMap<>();
            extracted.forEach(field -> byKey.put(field.key(), field));
            boolean allRight = true;
            for (FieldDefinition field : schema.fields()) {
                JsonNode want = call.expected().getOrDefault(field.key(), MissingNode.getInstance());
                ExtractedField found = byKey.get(field.key());
                JsonNode got = found == null ? MissingNode.getInstance() : read(found.valueJson());
                if (!ValueMatcher.isEmpty(got)) {
                    evidenceChecked++;
                    if (hasVerbatimEvidence(found, transcript.utterances())) {
                        evidenceValid++;
                    }
                }
                boolean right = ValueMatcher.isEmpty(want) ? ValueMatcher.isEmpty(got) : ValueMatcher.matches(field, want, got);
                scores.merge(call.schema() + "/" + field.key(), score(call.schema(), field, want, got, right), Evaluator::sum);
                if (!right) {
                    allRight = false;
                    misses.add(new EvaluationReport.Miss(call.name(), call.schema(), field.key(),
                            ValueMatcher.isEmpty(want) ? "(empty)" : want.toString(),
                            ValueMatcher.isEmpty(got) ? "(empty)" : got.toString()));
                }
            }
            if (allRight) {
                exactCalls++;
            }
        }
        List<FieldScore> ordered = new ArrayList<>(scores.values());
        return new EvaluationReport(folderName, calls.size(), words, nanos / 1e9, ordered, exactCalls, evidenceValid,
                evidenceChecked, misses);
    }

    private static FieldScore score(String schema, FieldDefinition field, JsonNode want, JsonNode got, boolean right) {
        FieldScore zero = new FieldScore(schema, field.key(), 0, 0, 0, 0, 0);
        if (field.type() == FieldType.LIST) {
            List<String> expected = ValueMatcher.items(want);
            List<String> actual = ValueMatcher.items(got);
            int missed = ValueMatcher.unmatched(field, expected, actual).size();
            int hits = expected.size() - missed;
            return zero.plus(hits, actual.size() - hits, missed, right);
        }
        boolean wantSome = !ValueMatcher.isEmpty(want);
        boolean gotSome = !ValueMatcher.isEmpty(got);
        boolean hit = wantSome && gotSome && right;
        return zero.plus(hit ? 1 : 0, gotSome && !hit ? 1 : 0, wantSome && !hit ? 1 : 0, right);
    }

    private static FieldScore sum(FieldScore a, FieldScore b) {
        return new FieldScore(a.schema(), a.key(), a.truePositives() + b.truePositives(),
                a.falsePositives() + b.falsePositives(), a.falseNegatives() + b.falseNegatives(), a.correct() + b.correct(),
                a.total() + b.total());
    }

    /** The quote must be verbatim in the utterance the field names (or in some utterance when it names none). */
    static boolean hasVerbatimEvidence(ExtractedField field, List<Utterance> utterances) {
        String quote = field.evidenceQuote();
        if (quote == null || quote.isBlank()) {
            return false;
        }
        Set<Integer> seqs = new HashSet<>();
        if (field.evidenceSeq() != null) {
            seqs.add(field.evidenceSeq());
        }
        return utterances.stream()
                .filter(u -> seqs.isEmpty() || seqs.contains(u.seq()))
                .anyMatch(u -> u.text().contains(quote));
    }

    private Transcript parse(LabelledCall call) {
        try {
            return parser.parse(Files.readAllBytes(call.transcript()));
        } catch (TranscriptFormatException e) {
            throw new LabelledFolderException(call.transcript(), e.getMessage(), e);
        } catch (IOException e) {
            throw new LabelledFolderException(call.transcript(), "cannot read: " + e.getMessage(), e);
        }
    }

    private JsonNode read(String valueJson) {
        try {
            return json.readTree(valueJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("extractor wrote invalid JSON: " + valueJson, e);
        }
    }
}
