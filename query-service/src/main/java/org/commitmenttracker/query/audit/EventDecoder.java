package org.commitmenttracker.query.audit;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.commitmenttracker.events.CommitmentEvent;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Turns a stored payload into its event record with the same serializer that the processors
 * use, so the state rebuilt for an auditor reads the events exactly as the live read models do.
 */
@Component
class EventDecoder {

    private final Serializer serializer;

    EventDecoder(@Qualifier("eventSerializer") Serializer serializer) {
        this.serializer = serializer;
    }

    /** The event record; empty when the stored bytes no longer make one (only a rewrite does that). */
    Optional<CommitmentEvent> decode(StoredEvent stored) {
        try {
            Object payload = serializer.deserialize(new SimpleSerializedObject<>(stored.payload(), byte[].class,
                    new SimpleSerializedType(stored.payloadType(), stored.revision())));
            return payload instanceof CommitmentEvent event ? Optional.of(event) : Optional.empty();
        } catch (RuntimeException unreadable) { // rewritten bytes may fail in any way
            return Optional.empty();
        }
    }
}
