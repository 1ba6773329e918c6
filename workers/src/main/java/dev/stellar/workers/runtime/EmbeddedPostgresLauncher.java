package dev.stellar.workers.runtime;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts embedded PostgreSQL on its own thread as soon as the configuration is known, so the
 * database boots while Spring builds the rest of the application (seconds off every start).
 */
final class EmbeddedPostgresLauncher {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);
    private static final Map<Path, CompletableFuture<EmbeddedPostgres>> STARTING = new ConcurrentHashMap<>();

    private EmbeddedPostgresLauncher() {
    }

    /** Begins starting the database for this data directory, unless that has begun already. */
    static void startEarly(Path dataDir, int port) {
        STARTING.computeIfAbsent(dataDir.toAbsolutePath().normalize(), dir -> {
            CompletableFuture<EmbeddedPostgres> future = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    future.complete(start(dir, port));
                } catch (RuntimeException e) {
                    future.completeExceptionally(e);
                }
            }, "embedded-postgres-start");
            thread.setDaemon(true);
            thread.start();
            // a database nobody took (the application failed to start) must not outlive the JVM
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (STARTING.remove(dir) == future) {
                    try {
                        closeQuietly(future.join());
                    } catch (CompletionException failedToStart) {
                        // nothing runs, nothing to stop
                    }
                }
            }, "embedded-postgres-orphan-stop"));
            return future;
        });
    }

    /** The started database: the one begun early, or one started now. */
    static EmbeddedPostgres take(Path dataDir, int port) {
        CompletableFuture<EmbeddedPostgres> early = STARTING.remove(dataDir.toAbsolutePath().normalize());
        if (early == null) {
            return start(dataDir, port);
        }
        try {
            return early.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * A server left running by a JVM that was killed (kill -9, OOM killer) still holds the data
     * directory; stop it, so that a restart recovers instead of failing on the lock. A server whose
     * parent process still lives belongs to another running Stellar: refuse to share its data.
     */
    private static void stopOrphanedServer(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try (var lines = Files.lines(pidFile)) {
            pid = Long.parseLong(lines.findFirst().orElse("").strip());
        } catch (NumberFormatException unreadable) {
            return; // PostgreSQL itself judges a stale or broken lock file
        }
        Optional<ProcessHandle> server = ProcessHandle.of(pid)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .filter(p -> p.info().arguments().map(args -> Arrays.asList(args).contains(data.toString())).orElse(false));
        if (server.isEmpty()) {
            return; // the pid is gone or is someone else's now
        }
        Optional<ProcessHandle> owner = server.get().parent().filter(p -> p.pid() != 1 && p.isAlive());
        if (owner.isPresent() && owner.get().info().command().map(c -> c.endsWith("java")).orElse(false)) {
            throw new IllegalStateException("the data directory " + data.getParent() + " is in use by another running "
                    + "Stellar (process " + owner.get().pid() + "); stop it or choose another STELLAR_DATA_DIR");
        }
        log.warn("Stopping PostgreSQL server {} left running on {} by an earlier process", pid, data);
        server.get().destroy(); // SIGTERM: PostgreSQL's smart shutdown
        try {
            server.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            server.get().destroyForcibly();
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Could not stop embedded PostgreSQL: {}", e.getMessage());
        }
    }

    private static EmbeddedPostgres start(Path dataDir, int port) {
        Path data = dataDir.resolve("postgres");
        Path binaries = dataDir.resolve("runtime").resolve("postgres");
        try {
            Files.createDirectories(binaries);
            boolean existing = Files.exists(data.resolve("PG_VERSION"));
            stopOrphanedServer(data);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setPort(port)
                    .setServerConfig("max_connections", "50")
                    // zonky tunes for throwaway test databases (-F, synchronous_commit=off); this one holds real data
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // Spring stops it after everything that uses it (destroy order), not a JVM hook racing them
                    .setRegisterShutdownHook(false)
                    .start();
            log.info("Embedded PostgreSQL on port {} with {} data in {}", postgres.getPort(), existing ? "existing" : "new", data);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + data, e);
        }
    }
}
