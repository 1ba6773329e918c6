package dev.stellar.workers.meeting;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Meeting changes across every node, through PostgreSQL LISTEN/NOTIFY: a worker publishes inside the
 * transaction that made the change (so listeners hear of committed changes only), and each web node
 * relays to the screens that subscribed for the organisation. Subscribers run on a small pool, never
 * on the listening thread, so a slow screen delays no other. After the connection was lost, every
 * subscriber gets a {@link MeetingChange#resync resync} change: something may have been missed.
 */
@Component
public class MeetingChangeFeed implements DisposableBean {

    static final String CHANNEL = "stellar_meeting_changed";
    private static final Logger log = LoggerFactory.getLogger(MeetingChangeFeed.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Map<UUID, Set<Consumer<MeetingChange>>> subscribers = new ConcurrentHashMap<>();
    private final ExecutorService dispatcher = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "meeting-change-dispatch");
        thread.setDaemon(true);
        return thread;
    });
    private final CountDownLatch listening = new CountDownLatch(1);
    private volatile boolean running = true;
    private Thread listener;

    public MeetingChangeFeed(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Announces a change; delivered when the surrounding transaction commits. */
    public void publish(MeetingChange change) {
        jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, change.toPayload()).query(rs -> { });
    }

    /**
     * Calls the consumer for every change in the organisation until the subscription is closed.
     * Returns once the feed listens, so a change committed after this call is never missed.
     */
    public Subscription subscribe(UUID organizationId, Consumer<MeetingChange> consumer) {
        startListening();
        subscribers.computeIfAbsent(organizationId, id -> new CopyOnWriteArraySet<>()).add(consumer);
        try {
            if (!listening.await(5, TimeUnit.SECONDS)) {
                log.warn("Meeting change feed is not listening yet; live updates may lag");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return () -> subscribers.getOrDefault(organizationId, Set.of()).remove(consumer);
    }

    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private synchronized void startListening() {
        if (listener == null) {
            listener = new Thread(this::listen, "meeting-change-feed");
            listener.setDaemon(true);
            listener.start();
        }
    }

    private void listen() {
        boolean reconnect = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                listening.countDown();
                if (reconnect) {
                    subscribers.keySet().forEach(org -> deliver(MeetingChange.resync(org)));
                }
                reconnect = true;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            dispatch(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Meeting change feed lost its connection, reconnecting: {}", e.getMessage());
                    sleepQuietly();
                }
            }
        }
    }

    private void dispatch(String payload) {
        MeetingChange change;
        try {
            change = MeetingChange.fromPayload(payload);
        } catch (RuntimeException e) {
            log.warn("Ignoring malformed meeting change '{}'", payload);
            return;
        }
        deliver(change);
    }

    private void deliver(MeetingChange change) {
        for (Consumer<MeetingChange> consumer : subscribers.getOrDefault(change.organizationId(), Set.of())) {
            dispatcher.execute(() -> {
                try {
                    consumer.accept(change);
                } catch (RuntimeException e) {
                    log.warn("A meeting change subscriber failed", e);
                }
            });
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void destroy() {
        running = false;
        dispatcher.shutdownNow();
        if (listener != null) {
            listener.interrupt();
        }
    }
}
