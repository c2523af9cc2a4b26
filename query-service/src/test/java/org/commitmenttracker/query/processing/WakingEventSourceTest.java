package org.commitmenttracker.query.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A caught-up processor is woken each tick and whenever the store's producer has fetched new
 * events, and only while its stream is open.
 */
class WakingEventSourceTest {

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(storage)
            .build();
    private final ProcessorWaker ticking = new ProcessorWaker(Duration.ofMillis(10));
    private final WakingEventSource source = new WakingEventSource(store, ticking);
    private final ProcessorWaker hourly = new ProcessorWaker(Duration.ofHours(1));

    @AfterEach
    void close() {
        ticking.close();
        hourly.close();
        store.shutDown();
    }

    @Test
    void theProducersReadOfNewEventsWakesTheProcessorsOnceItHasTakenThemLongBeforeTheTick()
            throws InterruptedException {
        storage.appendEvents(GenericEventMessage.asEventMessage("pledged"), GenericEventMessage.asEventMessage("obligated"));
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch woken = new CountDownLatch(1);
        hourly.register(() -> {
            calls.incrementAndGet();
            woken.countDown();
        });
        FetchWakingStorageEngine engine = new FetchWakingStorageEngine(storage, hourly);

        try (var events = engine.readEvents(null, true)) {
            assertThat(events.map(e -> (Object) e.getPayload()).toList()).containsExactly("pledged", "obligated");
        }

        assertThat(woken.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(calls.get()).as("one wake for the read, not one per event").isEqualTo(1);
    }

    @Test
    void aProcessorsOwnCatchUpReadWakesNoOne() throws InterruptedException {
        storage.appendEvents(GenericEventMessage.asEventMessage("pledged"));
        CountDownLatch woken = new CountDownLatch(1);
        hourly.register(woken::countDown);
        FetchWakingStorageEngine engine = new FetchWakingStorageEngine(storage, hourly);

        try (var events = engine.readEvents(null, false)) {
            assertThat(events.count()).isEqualTo(1);
        }

        assertThat(woken.await(300, TimeUnit.MILLISECONDS)).isFalse();
    }

    @Test
    void wakesAskedForWhileOneIsPendingAreOne() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        hourly.register(() -> {
            calls.incrementAndGet();
            try {
                release.await(5, TimeUnit.SECONDS); // the waker's thread is busy with the first wake
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        hourly.wakeSoon();
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 1);
        for (int i = 0; i < 50; i++) {
            hourly.wakeSoon();
        }
        release.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 2);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> calls.get() == 2);
    }

    @Test
    void aStreamOffersACallBackThatIsCalledEveryTick() throws InterruptedException {
        CountDownLatch woken = new CountDownLatch(3);
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            assertThat(stream.setOnAvailableCallback(woken::countDown)).isTrue();

            assertThat(woken.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void theStreamStillDeliversTheStoresEvents() throws InterruptedException {
        store.publish(GenericEventMessage.asEventMessage("announced"));
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("announced");
        }
    }

    @Test
    void aClosedStreamIsNoLongerWoken() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch woken = new CountDownLatch(1);
        BlockingStream<TrackedEventMessage<?>> closed = source.openStream(null);
        closed.setOnAvailableCallback(() -> {
            calls.incrementAndGet();
            woken.countDown();
        });
        assertThat(woken.await(5, TimeUnit.SECONDS)).isTrue();

        closed.close();
        int afterClose = calls.get();
        CountDownLatch threeMoreTicks = new CountDownLatch(3);
        try (BlockingStream<TrackedEventMessage<?>> open = source.openStream(null)) {
            open.setOnAvailableCallback(threeMoreTicks::countDown);
            assertThat(threeMoreTicks.await(5, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(calls.get()).isLessThanOrEqualTo(afterClose + 1); // at most a tick already under way
    }
}
