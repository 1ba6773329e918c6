package dev.stellar.workers.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import dev.stellar.playbooks.schema.BuiltInSchemas;
import dev.stellar.playbooks.schema.FieldSchema;
import dev.stellar.workers.coaching.CoachingContext;
import dev.stellar.workers.coaching.OfflineCallCoach;
import dev.stellar.workers.coaching.Scorecards;
import dev.stellar.workers.drafts.DraftingContext;
import dev.stellar.workers.drafts.OfflineFollowUpDrafter;
import dev.stellar.workers.extraction.ExtractionContext;
import dev.stellar.workers.extraction.offline.OfflineInsightExtractor;
import dev.stellar.workers.indexing.PhaseChunker;
import dev.stellar.workers.metrics.ConversationAnalyzer;
import dev.stellar.workers.metrics.ConversationMetrics;
import dev.stellar.workers.transcript.SpeakerRoles;
import dev.stellar.workers.transcript.Transcript;
import dev.stellar.workers.transcript.TranscriptParser;
import dev.stellar.workers.transcript.Utterance;
import dev.stellar.workflows.meeting.MeetingActivities.ExtractedField;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A driver benchmark of the offline agents end to end on one long meeting: parse → extract → metrics → chunk and
 * embed (bge-small in process) → coach → drafts, with the time of each stage, the sustained meetings per minute on
 * all cores, and the raw embedding model's sentences per second measured in the same run for comparison.
 *
 * <pre>
 * ./mvnw -q -DskipTests install
 * ./mvnw -q -pl workers exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.stellar.workers.bench.AgentsBenchmark -Dexec.args="[meetings=30] [transcript.vtt]"
 * </pre>
 */
public final class AgentsBenchmark {

    private static final List<String> STAGES = List.of("parse", "extract", "metrics", "chunk+embed", "coach", "drafts");

    private final TranscriptParser parser = new TranscriptParser();
    private final ObjectMapper json = new ObjectMapper();
    private final OfflineInsightExtractor extractor = new OfflineInsightExtractor(json);
    private final ConversationAnalyzer analyzer = new ConversationAnalyzer();
    private final PhaseChunker chunker = new PhaseChunker();
    private final EmbeddingModel model = new BgeSmallEnV15QuantizedEmbeddingModel();
    private final OfflineCallCoach coach = new OfflineCallCoach();
    private final OfflineFollowUpDrafter drafter = new OfflineFollowUpDrafter(json);
    private final FieldSchema schema = BuiltInSchemas.get(BuiltInSchemas.ESTATE_PLANNING);

    public static void main(String[] args) throws Exception {
        int meetings = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path file = Path.of(args.length > 1 ? args[1] : "workers/src/test/resources/fixtures/zoom/meeting001_transcript.vtt");
        byte[] transcript = Files.readAllBytes(file);
        new AgentsBenchmark().run(transcript, file, meetings);
    }

    private void run(byte[] transcript, Path file, int meetings) throws Exception {
        Transcript parsed = parser.parse(transcript);
        long words = parsed.utterances().stream().mapToLong(Utterance::words).sum();
        System.out.printf(Locale.ROOT, "Machine: %d cores, Java %s%nTranscript: %s, %d utterances, %,d words, %.0f minutes%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), file.getFileName(),
                parsed.utterances().size(), words, parsed.durationMs() / 60_000.0);

        for (int i = 0; i < 5; i++) {
            meeting(transcript); // warm up the JIT and the model
        }
        Map<String, List<Long>> stageNanos = new LinkedHashMap<>();
        STAGES.forEach(stage -> stageNanos.put(stage, new ArrayList<>()));
        long[] totals = new long[meetings];
        for (int i = 0; i < meetings; i++) {
            long started = System.nanoTime();
            Map<String, Long> stages = meeting(transcript);
            totals[i] = System.nanoTime() - started;
            stages.forEach((stage, nanos) -> stageNanos.get(stage).add(nanos));
        }
        System.out.println("One meeting after another, one thread:");
        System.out.println("| stage | p50 | p95 |");
        System.out.println("|---|---|---|");
        stageNanos.forEach((stage, nanos) -> System.out.printf(Locale.ROOT, "| %s | %s | %s |%n", stage,
                ms(percentile(nanos, 50)), ms(percentile(nanos, 95))));
        List<Long> all = Arrays.stream(totals).boxed().toList();
        System.out.printf(Locale.ROOT, "| **end to end** | **%s** | **%s** |%n%n", ms(percentile(all, 50)), ms(percentile(all, 95)));

        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        List<Future<Map<String, Long>>> running = new ArrayList<>();
        for (int i = 0; i < meetings; i++) {
            running.add(pool.submit(() -> meeting(transcript)));
        }
        for (Future<Map<String, Long>> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        System.out.printf(Locale.ROOT, "Sustained on %d threads: %d meetings in %.1f s = %.1f meetings/minute%n%n",
                threads, meetings, seconds, meetings * 60 / seconds);

        List<Chunk> chunks = chunks(parsed);
        List<String> sentences = parsed.utterances().stream().map(Utterance::text).toList();
        long rawStart = System.nanoTime();
        model.embedAll(sentences.stream().map(TextSegment::from).toList());
        double rawSeconds = (System.nanoTime() - rawStart) / 1e9;
        long chunkStart = System.nanoTime();
        model.embedAll(chunks.stream().map(c -> TextSegment.from(c.text())).toList());
        double chunkSeconds = (System.nanoTime() - chunkStart) / 1e9;
        System.out.printf(Locale.ROOT, "Raw model: %d utterances in %.2f s = %.0f sentences/s; the meeting's %d chunks (%,d words) in %.2f s%n",
                sentences.size(), rawSeconds, sentences.size() / rawSeconds, chunks.size(), words, chunkSeconds);
    }

    private record Chunk(String text) {
    }

    private List<Chunk> chunks(Transcript parsed) {
        SpeakerRoles roles = SpeakerRoles.of(parsed.utterances(), Set.of(), null);
        return chunker.chunk(parsed.utterances(), roles).stream().map(c -> new Chunk(c.text())).toList();
    }

    /** One meeting through every offline agent; returns nanoseconds per stage. */
    private Map<String, Long> meeting(byte[] content) {
        Map<String, Long> stages = new LinkedHashMap<>();
        long t = System.nanoTime();
        Transcript transcript = parser.parse(content);
        t = lap(stages, "parse", t);
        List<Utterance> utterances = transcript.utterances();
        LocalDate day = LocalDate.of(2026, 11, 25);
        List<ExtractedField> fields = extractor.extract(new ExtractionContext(utterances, Set.of(), null, day, day, schema));
        t = lap(stages, "extract", t);
        SpeakerRoles roles = SpeakerRoles.of(utterances, Set.of(), null);
        ConversationMetrics metrics = analyzer.analyze(utterances, roles, transcript.format());
        t = lap(stages, "metrics", t);
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        List<TextSegment> segments = chunker.chunk(utterances, roles).stream().map(c -> TextSegment.from(c.text())).toList();
        store.addAll(model.embedAll(segments).content(), segments);
        t = lap(stages, "chunk+embed", t);
        coach.score(Scorecards.forSchema(schema.key()), new CoachingContext(utterances, roles, metrics, schema, fields));
        t = lap(stages, "coach", t);
        drafter.draft(new DraftingContext("Benchmark", roles.customers(), null, schema, fields, day));
        lap(stages, "drafts", t);
        return stages;
    }

    private static long lap(Map<String, Long> stages, String stage, long since) {
        long now = System.nanoTime();
        stages.put(stage, now - since);
        return now;
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
