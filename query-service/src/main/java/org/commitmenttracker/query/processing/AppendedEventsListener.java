package org.commitmenttracker.query.processing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.commitmenttracker.service.eventstore.EventStoreSchema;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Listens on {@link EventStoreSchema#APPENDED_CHANNEL}, on a connection of its own, and tells
 * the event store to fetch at every notification ({@link ListeningEventStore#fetchNow}): the
 * read models then follow a command within milliseconds instead of the fetch delay and the
 * wake-up tick (BENCHMARKS.md, the lag). Polling stays as it was, so a notification lost (no
 * connection, a writer that does not notify) costs only that time. When the connection fails
 * it connects again every {@code retry}, and fetches once connected (appends made meanwhile).
 */
public final class AppendedEventsListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AppendedEventsListener.class);
    /** How long one wait for notifications blocks: a stop takes at most this long. */
    private static final int WAIT_MILLIS = 500;

    private final DataSource connections;
    private final ListeningEventStore store;
    private final Duration retry;
    private volatile boolean running;
    private Thread thread;

    /** @param connections a source of unpooled connections: one is held for as long as it listens */
    public AppendedEventsListener(DataSource connections, ListeningEventStore store, Duration retry) {
        this.connections = connections;
        this.store = store;
        this.retry = retry;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::listen, "appended-events-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(WAIT_MILLIS * 4L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        boolean failing = false;
        while (running) {
            try (Connection connection = connections.getConnection()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + EventStoreSchema.APPENDED_CHANNEL);
                }
                if (failing) {
                    log.info("Listening for appended events again");
                    failing = false;
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                store.fetchNow();
                while (running) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                    if (received != null && received.length > 0) {
                        store.fetchNow();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!failing && running) {
                    log.warn("Not listening for appended events ({}); read models follow by polling until the"
                            + " connection is back", e.getMessage());
                    failing = true;
                }
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(retry.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
