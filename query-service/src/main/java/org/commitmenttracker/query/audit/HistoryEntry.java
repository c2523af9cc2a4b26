package org.commitmenttracker.query.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One event of a commitment's history as stored: its {@code payload} is the stored JSON (not
 * a re-serialized record), {@code revision} its stored revision, and the integrity fields are
 * those of its metadata, so an auditor can recompute the chain from this answer alone.
 */
public record HistoryEntry(String eventId, long version, String type, String revision, LocalDate occurredOn,
                           Instant recordedAt, JsonNode payload, Metadata metadata, String hash,
                           String previousHash) {

    /** Who caused the event and in answer to which request; never in the payload. */
    public record Metadata(String actor, String correlationId, String causationId, String idempotencyKey) {
    }
}
