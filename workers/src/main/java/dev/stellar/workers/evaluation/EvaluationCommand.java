package dev.stellar.workers.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.stellar.playbooks.schema.BuiltInSchemas;
import dev.stellar.playbooks.schema.FieldSchema;
import dev.stellar.playbooks.schema.FieldSchemaException;
import dev.stellar.playbooks.schema.FieldSchemaYaml;
import dev.stellar.connectors.llm.LlmModels;
import dev.stellar.connectors.llm.LlmProperties;
import dev.stellar.workers.extraction.InsightExtractor;
import dev.stellar.workers.extraction.llm.LlmInsightExtractor;
import dev.stellar.workers.extraction.offline.OfflineInsightExtractor;
import dev.stellar.workers.transcript.TranscriptParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stellar eval FOLDER}: measures the extractor on a labelled folder and exits non-zero when a threshold
 * given on the command line is not met (1), or when the folder or the arguments are unusable (2).
 */
@Command(name = "stellar eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the extractor over a labelled folder (NAME.vtt|.srt|.txt beside NAME.expected.json) and "
                + "prints per-field precision, recall, F1 and exact-match accuracy, evidence validity and throughput.")
public final class EvaluationCommand implements Callable<Integer> {

    public static final int BELOW_THRESHOLD = 1;
    public static final int UNUSABLE_INPUT = 2;

    @Parameters(index = "0", paramLabel = "FOLDER", description = "The labelled folder.")
    Path folder;

    @Option(names = "--schema", paramLabel = "FILE.yaml",
            description = "A field schema of your own, in addition to the built-in ones (repeatable).")
    List<Path> extraSchemas = new ArrayList<>();

    @Option(names = "--min-accuracy", paramLabel = "0..1", description = "Fail under this field accuracy.")
    Double minAccuracy;

    @Option(names = "--min-f1", paramLabel = "FIELD=0..1", description = "Fail under this F1 for a field (repeatable).")
    Map<String, Double> minF1 = new LinkedHashMap<>();

    @Option(names = "--min-evidence-validity", paramLabel = "0..1",
            description = "Fail when fewer values than this carry a verbatim quote.")
    Double minEvidenceValidity;

    @Option(names = "--misses", description = "List every wrong or missing value.")
    boolean showMisses;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Also write the report as JSON.")
    Path reportFile;

    @Option(names = "--llm-provider", paramLabel = "openai|anthropic|ollama",
            description = "Evaluate a language model instead of the offline rules (openai covers any OpenAI-compatible server).")
    String llmProvider;

    @Option(names = "--llm-model", paramLabel = "NAME", description = "The model, e.g. gpt-4o-mini, claude-3-5-haiku-latest, llama3.1.")
    String llmModel;

    @Option(names = "--llm-base-url", paramLabel = "URL", description = "The server, e.g. http://localhost:8000/v1 for vLLM.")
    String llmBaseUrl;

    @Option(names = "--llm-api-key-env", paramLabel = "VARIABLE", defaultValue = "STELLAR_LLM_API_KEY",
            description = "The environment variable holding the API key (default: ${DEFAULT-VALUE}).")
    String llmApiKeyEnv;

    @Spec
    CommandSpec spec;

    private final InsightExtractor extractor;
    private final ObjectMapper json;
    private PrintWriter out;

    EvaluationCommand(InsightExtractor extractor, ObjectMapper json) {
        this.extractor = extractor;
        this.json = json;
    }

    /** Runs the command with the offline extractor; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        return execute(args, new OfflineInsightExtractor(json), json, out, err);
    }

    static int execute(String[] args, InsightExtractor extractor, ObjectMapper json, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new EvaluationCommand(extractor, json))
                .setOut(out).setErr(err)
                .setExecutionExceptionHandler((e, cl, parsed) -> {
                    cl.getErr().println("stellar eval: " + e.getMessage());
                    return UNUSABLE_INPUT;
                });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out), new PrintWriter(System.err)));
    }

    @Override
    public Integer call() throws IOException {
        out = spec.commandLine().getOut();
        Map<String, FieldSchema> schemas = new LinkedHashMap<>();
        BuiltInSchemas.all().forEach(s -> schemas.put(s.key(), s));
        for (Path file : extraSchemas) {
            try {
                FieldSchema own = FieldSchemaYaml.read(Files.readString(file));
                schemas.put(own.key(), own);
            } catch (FieldSchemaException e) {
                throw new LabelledFolderException(file, e.getMessage(), e);
            }
        }
        List<LabelledCall> calls = LabelledFolder.read(folder, key -> {
            FieldSchema schema = schemas.get(key);
            if (schema == null) {
                throw new IllegalArgumentException("unknown schema '" + key + "'; known: " + schemas.keySet()
                        + " (add your own with --schema FILE.yaml)");
            }
            return schema;
        }, json);
        AtomicInteger dropped = new AtomicInteger();
        InsightExtractor chosen = extractor;
        if (llmProvider != null) {
            LlmInsightExtractor llm = new LlmInsightExtractor(LlmModels.chatModel(new LlmProperties(llmProvider, llmBaseUrl,
                    System.getenv(llmApiKeyEnv), llmModel, Duration.ofSeconds(120), 4096)), json);
            chosen = context -> {
                LlmInsightExtractor.Result result = llm.extractChecked(context);
                dropped.addAndGet(result.dropped());
                return result.fields();
            };
            out.println("Extractor: " + llmProvider + (llmModel == null ? "" : ":" + llmModel));
        } else {
            out.println("Extractor: offline rules");
        }
        EvaluationReport report = new Evaluator(new TranscriptParser(), chosen, schemas::get, json)
                .evaluate(folder.toString(), calls);
        print(report);
        if (llmProvider != null) {
            out.printf("Dropped answers      %d (no verbatim evidence or the wrong type)%n", dropped.get());
        }
        if (reportFile != null) {
            json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(reportFile.toFile(), report);
        }
        return checkThresholds(report) ? 0 : BELOW_THRESHOLD;
    }

    private void print(EvaluationReport report) {
        out.printf(Locale.ROOT, "Evaluated %d calls (%,d words) from %s in %.2f s: %,.0f calls/min, %,.0f words/s%n%n",
                report.calls(), report.words(), report.folder(), report.seconds(), report.callsPerMinute(),
                report.wordsPerSecond());
        out.printf(Locale.ROOT, "%-16s %-18s %9s %7s %6s %9s%n", "schema", "field", "precision", "recall", "F1", "accuracy");
        for (FieldScore score : report.fields()) {
            out.printf(Locale.ROOT, "%-16s %-18s %9.3f %7.3f %6.3f %9.3f  (%d/%d)%n", score.schema(), score.key(),
                    score.precision(), score.recall(), score.f1(), score.accuracy(), score.correct(), score.total());
        }
        int total = report.fields().stream().mapToInt(FieldScore::total).sum();
        int correct = report.fields().stream().mapToInt(FieldScore::correct).sum();
        out.printf(Locale.ROOT, "%nField accuracy       %.3f  (%d/%d)%n", report.fieldAccuracy(), correct, total);
        out.printf(Locale.ROOT, "Calls exactly right  %d/%d%n", report.exactCalls(), report.calls());
        out.printf(Locale.ROOT, "Evidence validity    %.3f  (%d/%d values quote the transcript verbatim)%n",
                report.evidenceValidity(), report.evidenceValid(), report.evidenceChecked());
        if (showMisses && !report.misses().isEmpty()) {
            out.println();
            out.println("Misses:");
            report.misses().forEach(m -> out.printf("  %-40s %-18s expected %s, got %s%n", m.call(), m.field(),
                    m.expected(), m.actual()));
        }
    }

    private boolean checkThresholds(EvaluationReport report) {
        boolean pass = true;
        out.println();
        if (minAccuracy != null) {
            pass &= check("field accuracy", report.fieldAccuracy(), minAccuracy);
        }
        for (Map.Entry<String, Double> threshold : minF1.entrySet()) {
            pass &= check(threshold.getKey() + " F1", report.f1(threshold.getKey()), threshold.getValue());
        }
        if (minEvidenceValidity != null) {
            pass &= check("evidence validity", report.evidenceValidity(), minEvidenceValidity);
        }
        out.flush();
        return pass;
    }

    private boolean check(String what, double measured, double threshold) {
        boolean ok = measured + 1e-9 >= threshold;
        out.printf(Locale.ROOT, "%s: %s %.3f %s %.3f%n", ok ? "PASS" : "FAIL", what, measured, ok ? ">=" : "<", threshold);
        return ok;
    }
}
