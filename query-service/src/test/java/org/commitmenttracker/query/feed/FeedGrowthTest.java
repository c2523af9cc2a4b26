package org.commitmenttracker.query.feed;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class FeedGrowthTest {

    private static final long A_MINUTE = Duration.ofMinutes(1).toNanos();

    @Test
    void aWaiterReturnsWhenTheFeedGrowsNotAtTheEndOfItsPause() throws Exception {
        FeedGrowth growth = new FeedGrowth();
        long seen = growth.growths();
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> await(growth, seen, A_MINUTE));

        growth.grew();

        waiting.get(20, TimeUnit.SECONDS);
        assertThat(growth.growths()).isEqualTo(seen + 1);
    }

    @Test
    void aGrowthBeforeTheWaitIsNotMissed() throws Exception {
        FeedGrowth growth = new FeedGrowth();
        long seen = growth.growths();
        growth.grew();

        CompletableFuture.runAsync(() -> await(growth, seen, A_MINUTE)).get(20, TimeUnit.SECONDS);
    }

    @Test
    void withoutGrowthTheWaiterReturnsAfterItsPause() throws Exception {
        FeedGrowth growth = new FeedGrowth();
        AtomicInteger told = new AtomicInteger();
        growth.subscribe(told::incrementAndGet);

        growth.awaitGrowthAfter(growth.growths(), Duration.ofMillis(10).toNanos());

        assertThat(told).hasValue(0);
        growth.grew();
        assertThat(told).hasValue(1);
    }

    private static void await(FeedGrowth growth, long seen, long nanos) {
        try {
            growth.awaitGrowthAfter(seen, nanos);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
