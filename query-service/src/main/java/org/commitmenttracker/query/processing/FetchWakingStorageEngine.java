package org.commitmenttracker.query.processing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * The storage engine as the event store's producer reads it: once the producer has taken new
 * events into the store's cache, the processors are woken ({@link ProcessorWaker#wakeSoon}), so a
 * caught-up processor sees them at once rather than at the next tick.
 *
 * <p>Only the producer's read ({@code mayBlock}: the one that feeds the cache the tailing
 * processors read) wakes; a processor catching up reads its own stream and is busy anyway. The
 * producer links each event into the cache before it asks for the next, so the wake is asked
 * for when the read ends (it ends at the first batch that is not full) and every
 * {@value #WAKE_EVERY} events of a long read.
 */
final class FetchWakingStorageEngine implements EventStorageEngine {

    private static final int WAKE_EVERY = 100;

    private final EventStorageEngine engine;
    private final ProcessorWaker waker;

    FetchWakingStorageEngine(EventStorageEngine engine, ProcessorWaker waker) {
        this.engine = engine;
        this.waker = waker;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(trackingToken, mayBlock);
        if (!mayBlock) {
            return events;
        }
        return StreamSupport.stream(new Waking<>(events.spliterator()), false).onClose(events::close);
    }

    private final class Waking<T> extends Spliterators.AbstractSpliterator<T> {

        private final Spliterator<T> events;
        private int handedSinceWake;

        private Waking(Spliterator<T> events) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.events = events;
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            // the previous event, if any, is in the cache by now: the producer asks for the next only after
            if (handedSinceWake >= WAKE_EVERY) {
                wake();
            }
            boolean advanced = events.tryAdvance(action);
            if (advanced) {
                handedSinceWake++;
            } else if (handedSinceWake > 0) {
                wake();
            }
            return advanced;
        }

        private void wake() {
            handedSinceWake = 0;
            waker.wakeSoon();
        }
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        engine.appendEvents(events);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        engine.storeSnapshot(snapshot);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return engine.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return engine.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return engine.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return engine.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return engine.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return engine.createTokenAt(dateTime);
    }
}
