package org.commitmenttracker.query.commitment;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.commitmenttracker.events.CommitmentEvent;
import org.springframework.stereotype.Component;

import java.util.List;

/** A commitment's stream as stored, for the rare fold from the start (a correction, a retraction). */
@FunctionalInterface
public interface CommitmentStreams {

    /** The events of the commitment's stream up to {@code version}, each at its version. */
    List<CommitmentFold.VersionedEvent> upTo(String commitmentId, long version);

    /** From the event store itself (upcast and deserialised like every event the processors see). */
    @Component
    class FromEventStore implements CommitmentStreams {

        private final EventStore eventStore;

        FromEventStore(EventStore eventStore) {
            this.eventStore = eventStore;
        }

        @Override
        public List<CommitmentFold.VersionedEvent> upTo(String commitmentId, long version) {
            return eventStore.readEvents(commitmentId, 0).asStream()
                    .filter(message -> message.getSequenceNumber() < version)
                    .map(message -> new CommitmentFold.VersionedEvent((CommitmentEvent) message.getPayload(),
                            message.getSequenceNumber() + 1, message.getTimestamp()))
                    .toList();
        }
    }
}
