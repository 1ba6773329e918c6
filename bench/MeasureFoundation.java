import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the foundation's two promises on this machine: cold start of the embedded default (fresh
 * data directory, and again on the existing one) and the time from upload to COMPLETED.
 *
 * <pre>
 * ./mvnw -DskipTests package
 * java bench/MeasureFoundation.java [uploads=30] [transcript=workers/src/test/resources/fixtures/zoom/meeting001_transcript.vtt]
 * </pre>
 */
public class MeasureFoundation {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int PORT = 18080;
    private static final String BASE = "http://localhost:" + PORT;

    public static void main(String[] args) throws Exception {
        int uploads = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path transcript = Path.of(args.length > 1 ? args[1] : "workers/src/test/resources/fixtures/zoom/meeting001_transcript.vtt");
        Path dataDir = Files.createTempDirectory("stellar-bench");

        System.out.printf("Machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        requirePortFree();
        Process app = start(dataDir);
        Runtime.getRuntime().addShutdownHook(new Thread(app::destroy));
        double cold = awaitHealthy();
        System.out.printf("Cold start, fresh data directory (PostgreSQL initdb, migrations, demo seeding): %.1f s to healthy%n", cold);

        String token = token();
        byte[] content = Files.readAllBytes(transcript);
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < uploads; i++) {
            millis.add(uploadAndAwait(token, transcript.getFileName().toString(), content));
        }
        Collections.sort(millis);
        System.out.printf("Upload -> COMPLETED, %s (%d KB), %d sequential uploads: p50 %.0f ms, p95 %.0f ms, max %.0f ms, first %s%n",
                transcript.getFileName(), content.length / 1024, uploads, pct(millis, 50), pct(millis, 95),
                millis.get(millis.size() - 1), "(includes JIT warm-up)");

        stop(app);
        requirePortFree();
        Process restarted = start(dataDir);
        Runtime.getRuntime().addShutdownHook(new Thread(restarted::destroy));
        double warm = awaitHealthy();
        System.out.printf("Restart on the existing data directory: %.1f s to healthy%n", warm);
        stop(restarted);
    }

    private static void requirePortFree() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (var socket = new java.net.Socket("localhost", PORT)) {
                Thread.sleep(100); // something still listens: wait for it to go
            } catch (IOException free) {
                return;
            }
        }
        throw new IllegalStateException("port " + PORT + " is taken by another process");
    }

    private static Process start(Path dataDir) throws IOException {
        return new ProcessBuilder("java", "-jar", "ui/target/stellar.jar", "--server.port=" + PORT,
                "--stellar.data-dir=" + dataDir)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("stellar.log").toFile())
                .start();
    }

    private static void stop(Process app) throws InterruptedException {
        app.destroy();
        app.waitFor();
    }

    private static double awaitHealthy() throws InterruptedException {
        long t0 = System.nanoTime();
        while (true) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.body().contains("UP")) {
                    return (System.nanoTime() - t0) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
    }

    /** The demo users appear just after the server answers (seeding runs once the application is ready). */
    private static String token() throws Exception {
        for (int attempt = 0; attempt < 200; attempt++) {
            HttpResponse<String> r = tokenRequest();
            if (r.statusCode() == 200) {
                return field(r.body(), "token");
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the demo rep cannot sign in");
    }

    private static HttpResponse<String> tokenRequest() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/api/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"rep@demo.stellar\",\"password\":\"demo\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double uploadAndAwait(String token, String fileName, byte[] content) throws Exception {
        String boundary = "stellar-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/vtt\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);

        long t0 = System.nanoTime();
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/api/meetings"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("upload refused: " + accepted.statusCode() + " " + accepted.body());
        }
        String id = field(accepted.body(), "id");
        while (true) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/api/meetings/" + id))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            String status = field(r.body(), "status");
            if (status.equals("COMPLETED")) {
                return (System.nanoTime() - t0) / 1e6;
            }
            if (status.equals("FAILED")) {
                throw new IllegalStateException("meeting failed: " + r.body());
            }
            Thread.sleep(10);
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
