package org.commitmenttracker.query.processing;

import java.util.List;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, whose producer (the one reader of new events that fills the cache
 * the caught-up processors read) can be told to look now ({@link #fetchNow}) rather than at the
 * end of its fetch delay. This service never appends, so nothing in it tells the producer;
 * {@link AppendedEventsListener} does, when the command service says it appended.
 */
public final class ListeningEventStore extends EmbeddedEventStore {

    ListeningEventStore(Builder builder) {
        super(builder);
    }

    /** The producer looks for new events now, or right after the look it is in. */
    public void fetchNow() {
        afterCommit(List.of()); // what a local append does: wakes the producer if it waits
    }
}
