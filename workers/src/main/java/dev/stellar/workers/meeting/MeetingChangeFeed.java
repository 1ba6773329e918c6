package dev.stellar.workers.meeting;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
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
 * relays to the screens that subscribed for the organisation.
 */
@Component
public class MeetingChangeFeed implements DisposableBean {

    static final String CHANNEL = "stellar_meeting_changed";
    private static final Logger log = LoggerFactory.getLogger(MeetingChangeFeed.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Map<UUID, Set<Consumer<MeetingChange>>> subscribers = new ConcurrentHashMap<>();
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

    /** Calls the consumer, on the feed's thread, for every change in the organisation until the subscription is closed. */
    public Subscription subscribe(UUID organizationId, Consumer<MeetingChange> consumer) {
        startListening();
        subscribers.computeIfAbsent(organizationId, id -> new CopyOnWriteArraySet<>()).add(consumer);
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
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
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
        for (Consumer<MeetingChange> consumer : subscribers.getOrDefault(change.organizationId(), Set.of())) {
            try {
                consumer.accept(change);
            } catch (RuntimeException e) {
                log.warn("A meeting change subscriber failed", e);
            }
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
        if (listener != null) {
            listener.interrupt();
        }
    }
}
