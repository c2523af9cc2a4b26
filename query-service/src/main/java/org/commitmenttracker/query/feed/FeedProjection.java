package org.commitmenttracker.query.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.EventTypes;
import org.commitmenttracker.events.log.LogLeaf;
import org.commitmenttracker.query.log.LogAppender;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Numbers every event into the feed. Its processor has one segment, so it sees the events in
 * tracking order: an event whose global index committed late (a gap) comes when it commits and
 * takes the next position then, so a reader resuming after a position never misses it. The feed
 * is never reset: positions, once given to integrators, stay; a replay inserts nothing.
 */
@Component
@ProcessingGroup(FeedProjection.NAME)
class FeedProjection {

    static final String NAME = "feed";

    private final Feed feed;
    private final LogAppender log;
    private final ObjectMapper objectMapper;
    private final FeedGrowth growth;

    FeedProjection(Feed feed, LogAppender log, ObjectMapper objectMapper, FeedGrowth growth) {
        this.feed = feed;
        this.log = log;
        this.objectMapper = objectMapper;
        this.growth = growth;
    }

    /**
     * Also appends the event's leaf to the log's tree (domain.md, "The log"), in the same
     * transaction: leaf {@code position - 1} is the event at {@code position}, always.
     */
    @EventHandler
    void on(CommitmentEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequenceNumber,
            @Timestamp Instant recordedAt, @MetaDataValue("hash") String chainHash) {
        Class<?> type = event.getClass();
        long position = feed.append(eventId, event.commitmentId(), sequenceNumber + 1, EventTypes.name(type),
                EventTypes.revision(type), recordedAt, json(event), event.occurredOn());
        if (position > 0) {
            log.append(position, new LogLeaf(eventId, event.commitmentId(), sequenceNumber + 1, recordedAt, chainHash));
            growth.grew();
        }
    }

    private String json(CommitmentEvent event) {
        try {
            return objectMapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the payload of " + event.getClass().getSimpleName(), e);
        }
    }
}
