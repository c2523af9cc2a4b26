package org.commitmenttracker.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.commitmenttracker.events.integrity.IntegrityChain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Recomputes the integrity chain of one stream (domain.md), event by event in stream order, from
 * what is stored: the payload as parsed JSON (never a re-serialized record, which would hide a
 * rewrite the record cannot express) and the stored hashes. An event is invalid when its stored
 * hash is not the one recomputed, when its {@code previousHash} is not the stored hash of the
 * event before it, or when its version leaves a gap.
 */
final class ChainVerification {

    private final String commitmentId;
    private long events;
    private String previousHash = IntegrityChain.GENESIS;
    private Long firstInvalidVersion;

    ChainVerification(String commitmentId) {
        this.commitmentId = commitmentId;
    }

    /**
     * @param occurredOn the event's {@code occurredOn}, read from its record; null when the stored
     *                   payload no longer makes a record, which only a rewrite causes
     */
    void add(StoredEvent event, LocalDate occurredOn) {
        events++;
        JsonNode metaData = event.metaDataJson();
        String hash = StoredEvent.text(metaData, "hash");
        String storedPreviousHash = StoredEvent.text(metaData, "previousHash");
        boolean valid = event.version() == events
                && Objects.equals(storedPreviousHash, previousHash)
                && hash != null
                && hash.equals(recompute(event, storedPreviousHash, StoredEvent.text(metaData, "actor"), occurredOn));
        if (!valid && firstInvalidVersion == null) {
            firstInvalidVersion = event.version();
        }
        previousHash = hash;
    }

    IntegrityReport report() {
        return new IntegrityReport(commitmentId, events, firstInvalidVersion == null,
                events == 0 ? null : previousHash, firstInvalidVersion);
    }

    private static String recompute(StoredEvent event, String previousHash, String actor, LocalDate occurredOn) {
        JsonNode payload = event.payloadJson();
        if (payload == null || occurredOn == null || previousHash == null) {
            return null;
        }
        int chainVersion = IntegrityChain.version(event.metaDataJson());
        if (chainVersion < 1 || chainVersion > IntegrityChain.CURRENT_VERSION) {
            return null;
        }
        return IntegrityChain.hash(chainVersion, previousHash,
                new IntegrityChain.Identity(event.eventId(), event.commitmentId(), event.version(), event.recordedAt()),
                new IntegrityChain.Link(event.type(), event.revision(), occurredOn, actor, payload));
    }
}
