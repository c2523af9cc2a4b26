package org.commitmenttracker.query.processing;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.commitmenttracker.service.concurrent.CoalescingTrigger;

/**
 * The call-backs of the read models' processors (one per open stream, see
 * {@link WakingEventSource}), called on one thread: whenever the event store has fetched new
 * events ({@link #wakeSoon}), and every tick in case a wake was missed. A call-back of a
 * processor with nothing to do costs an in-memory check.
 */
public final class ProcessorWaker implements AutoCloseable {

    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread waker = new Thread(runnable, "processor-waker");
        waker.setDaemon(true);
        return waker;
    });
    private final CoalescingTrigger wake = new CoalescingTrigger(thread, this::wakeAll);

    public ProcessorWaker(Duration tick) {
        long nanos = tick.toNanos();
        thread.scheduleWithFixedDelay(this::wakeAll, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    void register(Runnable callback) {
        callbacks.add(callback);
    }

    void unregister(Runnable callback) {
        callbacks.remove(callback);
    }

    /** Calls every call-back once, soon, on the waker's thread; calls made while one is pending are one. */
    public void wakeSoon() {
        wake.trigger();
    }

    private void wakeAll() {
        for (Runnable callback : callbacks) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                // A processor shutting down may refuse to be scheduled; the others still get their call.
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        callbacks.clear();
    }
}
