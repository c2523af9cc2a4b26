package org.commitmenttracker.command.messaging;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.commitmenttracker.service.concurrent.CoalescingTrigger;
import org.commitmenttracker.service.eventstore.EventStoreSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tells the readers, on {@link EventStoreSchema#APPENDED_CHANNEL}, that events were appended:
 * after the unit of work that appended them has committed, from a thread of its own, in a
 * statement of its own. Not in the appending transaction: PostgreSQL serializes the commits of
 * all transactions that notify, which would serialize the commands. Notices asked for while one is
 * being sent are sent as one, and a notice follows the last one after {@link #MIN_INTERVAL} at
 * the earliest: under load there are far fewer notices than commands (at most one per interval),
 * while a command alone is notified at once. A notice that fails is dropped (the readers poll too).
 */
public final class AppendedEventsNotifier implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AppendedEventsNotifier.class);
    private static final String NOTIFY = "NOTIFY " + EventStoreSchema.APPENDED_CHANNEL;
    private static final String REGISTERED = AppendedEventsNotifier.class.getName();
    /** Under load the readers are busy and fetch on their own; a notice a command saves little then. */
    static final Duration MIN_INTERVAL = Duration.ofMillis(5);

    private final JdbcTemplate jdbc;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "appended-events-notifier");
        thread.setDaemon(true);
        return thread;
    });
    private final CoalescingTrigger notice = new CoalescingTrigger(sender, this::send);

    public AppendedEventsNotifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** On the event bus: each unit of work that publishes events notifies once, after its commit. */
    public MessageDispatchInterceptor<EventMessage<?>> interceptor() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
                if (CurrentUnitOfWork.isStarted()) {
                    UnitOfWork<?> root = CurrentUnitOfWork.get().root();
                    root.resources().computeIfAbsent(REGISTERED, key -> {
                        root.afterCommit(unitOfWork -> appended());
                        return Boolean.TRUE;
                    });
                } else {
                    appended(); // no unit of work: the events are stored as they are published
                }
                return (index, message) -> message;
            }
        };
    }

    /** Sends a notice soon, unless one is already waiting to be sent. */
    void appended() {
        notice.trigger();
    }

    private void send() {
        try {
            jdbc.execute(NOTIFY);
        } catch (DataAccessException e) {
            log.debug("Appended events not notified; the readers find them by polling", e);
        }
        // The sender's one thread rests: an append meanwhile queues one notice, sent after the rest.
        LockSupport.parkNanos(MIN_INTERVAL.toNanos());
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
