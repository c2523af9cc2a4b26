package org.commitmenttracker.query.processing;

import static org.assertj.core.api.Assertions.assertThat;

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

/** A caught-up processor is woken each tick, and only while its stream is open. */
class WakingEventSourceTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final WakingEventSource source = new WakingEventSource(store, Duration.ofMillis(10));

    @AfterEach
    void close() {
        source.close();
        store.shutDown();
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
