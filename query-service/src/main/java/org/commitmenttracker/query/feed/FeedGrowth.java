package org.commitmenttracker.query.feed;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.commitmenttracker.query.processing.TransactionCache;
import org.springframework.stereotype.Component;

/**
 * Tells the readers of the feed in this instance (the Server-Sent Events) that it
 * grew, once the transaction that numbered new events has committed: they read at once instead
 * of at their next poll. They still poll, for a feed numbered by another instance.
 */
@Component
public class FeedGrowth {

    private final List<Runnable> readers = new CopyOnWriteArrayList<>();
    private final TransactionCache<Boolean, Boolean> grown = new TransactionCache<>(grew -> { },
            grew -> readers.forEach(FeedGrowth::tell));

    /** {@code reader} runs after each commit that numbered events; it must return at once. */
    public void subscribe(Runnable reader) {
        readers.add(reader);
    }

    /** The feed grew in the current transaction (outside one: grew now). */
    void grew() {
        if (grown.active()) {
            grown.put(Boolean.TRUE, Boolean.TRUE);
        } else {
            readers.forEach(FeedGrowth::tell);
        }
    }

    private static void tell(Runnable reader) {
        try {
            reader.run();
        } catch (RuntimeException e) {
            // a reader shutting down refuses; the others are still told
        }
    }
}
