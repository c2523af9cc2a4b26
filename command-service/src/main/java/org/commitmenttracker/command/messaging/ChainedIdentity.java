package org.commitmenttracker.command.messaging;

import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Version 2 of the integrity chain covers the event's id and the instant it is recorded, which
 * Axon only picks when it builds the message, after the aggregate has applied it. So the
 * aggregate picks them itself ({@link #next()}), hashes them, and hands them over in two
 * metadata entries; this interceptor, the first on the event bus, builds the stored message
 * with exactly that id and instant and drops the two entries.
 */
public final class ChainedIdentity {

    /** Metadata entries that exist only between the aggregate and this interceptor. */
    public static final String EVENT_ID = "chainEventId";
    public static final String RECORDED_AT = "chainRecordedAt";

    private ChainedIdentity() {
    }

    /**
     * A fresh event id and the instant now, in milliseconds: Axon's JDBC event store keeps no more
     * of it, and the hash must cover the instant as stored.
     */
    public static Pending next() {
        return new Pending(IdentifierFactory.getInstance().generateIdentifier(),
                GenericEventMessage.clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    public record Pending(String eventId, Instant recordedAt) {

        /** The instant itself, not its text: the entry never leaves the process, and parsing it back cost CPU. */
        public MetaData asMetaData() {
            return MetaData.with(EVENT_ID, eventId).and(RECORDED_AT, recordedAt);
        }
    }

    public static MessageDispatchInterceptor<EventMessage<?>> interceptor() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
                return (index, event) -> withChosenIdentity(event);
            }
        };
    }

    /** The message with the id and instant the aggregate chose; unchanged when it chose none. */
    public static EventMessage<?> withChosenIdentity(EventMessage<?> event) {
        Object eventId = event.getMetaData().get(EVENT_ID);
        Object recordedAt = event.getMetaData().get(RECORDED_AT);
        if (!(event instanceof DomainEventMessage<?> domainEvent) || eventId == null || recordedAt == null) {
            return event;
        }
        Map<String, Object> metaData = new HashMap<>(event.getMetaData());
        metaData.remove(EVENT_ID);
        metaData.remove(RECORDED_AT);
        return new GenericDomainEventMessage<>(domainEvent.getType(), domainEvent.getAggregateIdentifier(),
                domainEvent.getSequenceNumber(), domainEvent.getPayload(), metaData, eventId.toString(),
                recordedAt instanceof Instant instant ? instant : Instant.parse(recordedAt.toString()));
    }
}
