package org.commitmenttracker.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.commitmenttracker.events.integrity.IntegrityChain;

import java.time.Instant;

/**
 * One row of the event store exactly as stored: the bytes the integrity chain covers, before any
 * interpretation. {@code version} is the event's place in its stream (sequence number + 1).
 */
record StoredEvent(String eventId, String commitmentId, long version, String payloadType, String revision,
                   Instant recordedAt, byte[] payload, byte[] metaData) {

    /** The event's name, e.g. {@code FundsDisbursed}: the simple name of the stored payload type. */
    String type() {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }

    /** The stored payload as JSON; null when the bytes are not JSON (only a rewrite makes them so). */
    JsonNode payloadJson() {
        return json(payload);
    }

    /** The stored metadata as JSON; null when absent or not JSON. */
    JsonNode metaDataJson() {
        return json(metaData);
    }

    /** A text field of the metadata ({@code actor}, {@code hash}, ...), null when missing. */
    String metaData(String field) {
        return text(metaDataJson(), field);
    }

    /** A text field of a JSON object, null when the object or the field is missing. */
    static String text(JsonNode json, String field) {
        JsonNode value = json == null ? null : json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static JsonNode json(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return IntegrityChain.parse(bytes);
        } catch (IllegalArgumentException notJson) {
            return null;
        }
    }
}
