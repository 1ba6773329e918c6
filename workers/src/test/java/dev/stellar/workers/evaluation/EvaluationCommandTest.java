package dev.stellar.workers.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stellar.playbooks.schema.BuiltInSchemas;
import dev.stellar.workers.extraction.InsightExtractor;
import dev.stellar.workers.transcript.Utterance;
import dev.stellar.workflows.meeting.MeetingActivities.ExtractedField;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness itself, with extractors whose answers are known: nothing, the labels, the labels with made-up quotes. */
class EvaluationCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void anExtractorThatFindsNothingScoresOnlyTheFieldsThatMustStayEmpty() throws Exception {
        // sample: 20 (call, field) pairs, 3 of them labelled empty
        int code = run(context -> List.of(), folder("sample").toString(), "--min-accuracy", "0.5", "--min-f1", "objections=0.9");

        assertThat(code).isEqualTo(EvaluationCommand.BELOW_THRESHOLD);
        assertThat(out.toString())
                .contains("Evaluated 2 calls")
                .contains("Field accuracy       0.150  (3/20)")
                .contains("FAIL: field accuracy 0.150 < 0.500")
                .contains("FAIL: objections F1 0.000 < 0.900")
                .containsPattern("estate-planning +follow_up_date .* 1\\.000 +\\(1/1\\)");
        assertThat(run(context -> List.of(), folder("sample").toString(), "--min-accuracy", "0.15")).isZero();
    }

    @Test
    void theLabelsThemselvesScorePerfectlyWithVerbatimEvidence(@TempDir Path tmp) throws Exception {
        Path report = tmp.resolve("report.json");
        int code = run(labels(false), folder("sample").toString(), "--min-accuracy", "1", "--min-f1", "objections=1",
                "--min-evidence-validity", "1", "--report", report.toString());

        assertThat(code).as(out.toString()).isZero();
        assertThat(out.toString()).contains("Calls exactly right  2/2").contains("PASS: field accuracy 1.000 >= 1.000");
        JsonNode written = JSON.readTree(report.toFile());
        assertThat(written.get("calls").asInt()).isEqualTo(2);
        assertThat(written.get("fieldAccuracy").asDouble()).isEqualTo(1.0);
    }

    @Test
    void quotesThatAreNotInTheTranscriptFailEvidenceValidity() throws Exception {
        int code = run(labels(true), folder("sample").toString(), "--min-evidence-validity", "1");

        assertThat(code).isEqualTo(EvaluationCommand.BELOW_THRESHOLD);
        assertThat(out.toString()).contains("Evidence validity    0.000").contains("FAIL: evidence validity");
    }

    @Test
    void aLabelTypoIsAnErrorNamingTheFileNotAZeroScore() throws Exception {
        int code = run(context -> List.of(), folder("broken").toString());

        assertThat(code).isEqualTo(EvaluationCommand.UNUSABLE_INPUT);
        assertThat(err.toString()).contains("typo.expected.json").contains("fields.compnay: not a field of schema b2b-discovery");
    }

    @Test
    void aMissingFolderOrUnknownFieldThresholdIsUnusableInput(@TempDir Path empty) throws Exception {
        assertThat(run(context -> List.of(), empty.resolve("nope").toString())).isEqualTo(EvaluationCommand.UNUSABLE_INPUT);
        assertThat(err.toString()).contains("not a folder");
        assertThat(run(context -> List.of(), empty.toString())).isEqualTo(EvaluationCommand.UNUSABLE_INPUT);
        assertThat(run(context -> List.of(), folder("sample").toString(), "--min-f1", "colour=0.5"))
                .isEqualTo(EvaluationCommand.UNUSABLE_INPUT);
        assertThat(err.toString()).contains("no field 'colour'");
    }

    /** An extractor that answers with the call's labels, quoting the first utterance (or words nobody said). */
    private static InsightExtractor labels(boolean madeUpQuotes) throws Exception {
        Map<String, JsonNode> bySignature = new HashMap<>();
        for (LabelledCall call : LabelledFolder.read(folder("sample"), BuiltInSchemas::get, JSON)) {
            String firstLine = Files.readAllLines(call.transcript()).stream().filter(l -> l.contains(": ")).findFirst().orElseThrow();
            bySignature.put(firstLine.substring(firstLine.indexOf(": ") + 2), JSON.valueToTree(call.expected()));
        }
        return context -> {
            Utterance first = context.utterances().get(0);
            JsonNode expected = bySignature.get(first.text());
            List<ExtractedField> fields = new ArrayList<>();
            expected.fields().forEachRemaining(e -> fields.add(new ExtractedField(e.getKey(), e.getValue().toString(), 0.9,
                    madeUpQuotes ? "words nobody said" : first.text(), first.startMs(), first.seq(), null)));
            return fields;
        };
    }

    private int run(InsightExtractor extractor, String... args) {
        return EvaluationCommand.execute(args, extractor, JSON, new PrintWriter(out), new PrintWriter(err));
    }

    private static Path folder(String name) throws URISyntaxException {
        return Path.of(EvaluationCommandTest.class.getResource("/evaluation/" + name).toURI());
    }
}
