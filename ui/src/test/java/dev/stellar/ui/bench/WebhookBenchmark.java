package dev.stellar.ui.bench;

import dev.stellar.StellarApplication;
import dev.stellar.connectors.zoom.ZoomWebhooks;
import dev.stellar.workers.account.AccountService;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.account.SignupRequest;
import dev.stellar.workers.connection.Connection;
import dev.stellar.workers.connection.Connections;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Load driver for Zoom's webhook: signed {@code recording.completed} events, each a new meeting, posted on loopback at a
 * fixed rate to a web node (the role that answers Zoom), and the acknowledgement latency measured from send to answer.
 * Every accepted event stores its meeting and starts its workflow before answering; a web node runs no workers, so the
 * numbers are the edge's, as in production where web and workers scale apart.
 * <p>
 * {@code ./mvnw -q -pl ui exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.stellar.ui.bench.WebhookBenchmark
 * -Dexec.args="10 50,200,500"} (seconds per rate, rates per second) after {@code ./mvnw -DskipTests install}.
 */
public final class WebhookBenchmark {

    private static final String SECRET = "benchmark-webhook-secret";

    private WebhookBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<Integer> rates = args.length > 1 ? List.of(args[1].split(",")).stream().map(Integer::parseInt).toList()
                : List.of(50, 200, 500);
        Path data = Files.createTempDirectory("stellar-webhook-bench");
        ConfigurableApplicationContext app = SpringApplication.run(StellarApplication.class,
                "--stellar.data-dir=" + data, "--server.port=0", "--stellar.roles=web", "--stellar.demo.enabled=false",
                "--stellar.mail.local-sink.enabled=false", "--logging.level.root=warn");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Caller admin = app.getBean(AccountService.class).signup(new SignupRequest("Bench", "Ada Admin",
                    "ada@bench.example", "a long benchmark password"));
            Connection zoom = app.getBean(Connections.class).create(admin, new Connections.NewConnection("zoom", "Zoom",
                    Map.of(), Map.of("webhookSecretToken", SECRET)));
            URI uri = URI.create("http://127.0.0.1:" + port + URI.create(zoom.webhookUrl()).getPath());
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(16)).build();
            JdbcClient jdbc = app.getBean(JdbcClient.class);

            run(http, uri, 50, 3, "warm-up"); // JIT, connection pool, first inserts
            System.out.printf("%-8s %8s %8s %8s %8s %8s %8s %10s%n", "rate/s", "sent", "ok", "errors", "p50 ms", "p95 ms",
                    "p99 ms", "meetings");
            for (int rate : rates) {
                long before = jdbc.sql("select count(*) from meetings").query(Long.class).single();
                Result result = run(http, uri, rate, seconds, "rate " + rate);
                long meetings = jdbc.sql("select count(*) from meetings").query(Long.class).single() - before;
                System.out.printf("%-8d %8d %8d %8d %8.1f %8.1f %8.1f %10d%n", rate, result.sent, result.ok, result.errors,
                        result.percentile(50), result.percentile(95), result.percentile(99), meetings);
            }
        } finally {
            app.close();
        }
        System.exit(0);
    }

    private record Result(int sent, int ok, int errors, List<Double> millis) {

        double percentile(int p) {
            if (millis.isEmpty()) {
                return Double.NaN;
            }
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        }
    }

    /** Sends at a fixed rate (open loop: a slow answer does not slow the sender, as with Zoom). */
    private static Result run(HttpClient http, URI uri, int rate, int seconds, String label) throws Exception {
        int total = rate * seconds;
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<CompletableFuture<?>> pending = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger sent = new AtomicInteger();
        long periodNanos = 1_000_000_000L / rate;
        ticker.scheduleAtFixedRate(() -> {
            if (sent.getAndIncrement() >= total) {
                return;
            }
            byte[] body = event(UUID.randomUUID().toString()).getBytes(StandardCharsets.UTF_8);
            String timestamp = Long.toString(Instant.now().getEpochSecond());
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("content-type", "application/json")
                    .header("x-zm-request-timestamp", timestamp)
                    .header("x-zm-signature", ZoomWebhooks.sign(SECRET, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            long start = System.nanoTime();
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                millis.add((System.nanoTime() - start) / 1e6);
                if (failure == null && response.statusCode() == 200) {
                    ok.incrementAndGet();
                } else {
                    errors.incrementAndGet();
                }
            }));
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        while (sent.get() < total) {
            Thread.sleep(50);
        }
        ticker.shutdownNow();
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).get(120, TimeUnit.SECONDS);
        return new Result(Math.min(sent.get(), total), ok.get(), errors.get(), millis);
    }

    private static String event(String uuid) {
        return """
                {"event":"recording.completed","event_ts":%d,"download_token":"bench-token","payload":{"account_id":"acc",
                "object":{"uuid":"%s","id":85746065432,"host_email":"host@bench.example","topic":"Benchmark call",
                "start_time":"2026-11-24T15:00:00Z","timezone":"UTC","recording_files":[{"id":"f-%s","file_type":"TRANSCRIPT",
                "file_extension":"VTT","download_url":"https://zoom.us/rec/download/%s","status":"completed"}]}}}"""
                .formatted(System.currentTimeMillis(), uuid, uuid, uuid);
    }
}
