package org.commitmenttracker.query.feed;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class FeedGrowthTest {

    private static final long A_MINUTE = Duration.ofMinutes(1).toNanos();

    @Test
    void aWaiterReturnsWhenTheFeedGrowsNotAtTheEndOfItsPause() {
        FeedGrowth growth = new FeedGrowth();
        long seen = growth.growths();
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> await(growth, seen, A_MINUTE));

        growth.grew();

        assertThat(waiting).succeedsWithin(Duration.ofSeconds(20));
        assertThat(growth.growths()).isEqualTo(seen + 1);
    }

    @Test
    void aGrowthBeforeTheWaitIsNotMissed() {
        FeedGrowth growth = new FeedGrowth();
        long seen = growth.growths();
        growth.grew();

        assertThat(CompletableFuture.runAsync(() -> await(growth, seen, A_MINUTE))).succeedsWithin(Duration.ofSeconds(20));
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
