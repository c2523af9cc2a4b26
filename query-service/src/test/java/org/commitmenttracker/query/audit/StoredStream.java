package org.commitmenttracker.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.Revision;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.integrity.IntegrityChain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A commitment's stream as the command side stores it: JSON payloads and metadata with the chain. */
final class StoredStream {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final List<StoredEvent> events = new ArrayList<>();
    private String lastHash = IntegrityChain.GENESIS;

    StoredStream append(CommitmentEvent event, String actor, Instant recordedAt) {
        String hash = IntegrityChain.hash(lastHash, IntegrityChain.Link.of(event, actor));
        Map<String, Object> metaData = new LinkedHashMap<>();
        metaData.put("actor", actor);
        metaData.put("correlationId", "corr-" + (events.size() + 1));
        metaData.put("hash", hash);
        metaData.put("previousHash", lastHash);
        events.add(new StoredEvent(UUID.randomUUID().toString(), event.commitmentId(), events.size() + 1L,
                event.getClass().getName(), event.getClass().getAnnotation(Revision.class).value(), recordedAt,
                bytes(event), bytes(metaData)));
        lastHash = hash;
        return this;
    }

    List<StoredEvent> events() {
        return List.copyOf(events);
    }

    static StoredEvent withPayload(StoredEvent event, byte[] payload) {
        return new StoredEvent(event.eventId(), event.commitmentId(), event.version(), event.payloadType(),
                event.revision(), event.recordedAt(), payload, event.metaData());
    }

    static StoredEvent withMetaData(StoredEvent event, String json) {
        return new StoredEvent(event.eventId(), event.commitmentId(), event.version(), event.payloadType(),
                event.revision(), event.recordedAt(), event.payload(), json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
