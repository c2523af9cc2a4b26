package org.commitmenttracker.bench;

import org.axonframework.common.caching.Cache;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts, without changing anything, how often the command service finds a commitment in its
 * aggregate cache and how often it has to load one from the event store (snapshot plus later
 * events): a note for whoever makes the command path faster.
 */
final class CacheWatch {

    private final LongAdder hits = new LongAdder();
    private final LongAdder loads = new LongAdder();

    record Counts(long hits, long loads) {
        Counts since(Counts earlier) {
            return new Counts(hits - earlier.hits, loads - earlier.loads);
        }

        String describe() {
            long all = hits + loads;
            return all == 0 ? "no aggregate lookups"
                    : "aggregate cache hit rate %.0f%% (%d hits, %d loads from the event store)"
                    .formatted(100.0 * hits / all, hits, loads);
        }
    }

    CacheWatch(BenchSystem system) {
        system.commandService.getBean(Cache.class).registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryRead(Object key, Object value) {
                hits.increment();
            }

            @Override
            public void onEntryCreated(Object key, Object value) {
                loads.increment();
            }
        });
    }

    Counts now() {
        return new Counts(hits.sum(), loads.sum());
    }
}
