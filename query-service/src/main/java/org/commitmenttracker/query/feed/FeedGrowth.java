package org.commitmenttracker.query.feed;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.commitmenttracker.query.processing.TransactionCache;
import org.springframework.stereotype.Component;

/**
 * Tells the readers of the feed in this instance (the Server-Sent Events, the Kafka publisher)
 * that it grew, once the transaction that numbered new events has committed: they read at once
 * instead of at their next poll. They still poll, for a feed numbered by another instance.
 */
@Component
public class FeedGrowth {

    private final List<Runnable> readers = new CopyOnWriteArrayList<>();
    private final TransactionCache<Boolean, Boolean> grown = new TransactionCache<>(grew -> { }, grew -> tellAll());
    /** Guards {@link #growths} and wakes the waiters of {@link #awaitGrowthAfter}. */
    private final Object growthLock = new Object();
    private long growths;

    /** {@code reader} runs after each commit that numbered events; it must return at once. */
    public void subscribe(Runnable reader) {
        readers.add(reader);
    }

    /** The feed grew in the current transaction (outside one: grew now). */
    void grew() {
        if (grown.active()) {
            grown.put(Boolean.TRUE, Boolean.TRUE);
        } else {
            tellAll();
        }
    }

    /** How often the feed has grown in this instance; hand it to {@link #awaitGrowthAfter}. */
    public long growths() {
        synchronized (growthLock) {
            return growths;
        }
    }

    /**
     * Returns once the feed has grown in this instance beyond {@code seen} (from {@link #growths()},
     * read before the feed was), or once {@code nanos} have passed.
     */
    public void awaitGrowthAfter(long seen, long nanos) throws InterruptedException {
        long until = System.nanoTime() + nanos;
        synchronized (growthLock) {
            for (long left = nanos; growths == seen && left > 0; left = until - System.nanoTime()) {
                TimeUnit.NANOSECONDS.timedWait(growthLock, left);
            }
        }
    }

    private void tellAll() {
        synchronized (growthLock) {
            growths++;
            growthLock.notifyAll();
        }
        readers.forEach(FeedGrowth::tell);
    }

    private static void tell(Runnable reader) {
        try {
            reader.run();
        } catch (RuntimeException e) {
            // a reader shutting down refuses; the others are still told
        }
    }
}
