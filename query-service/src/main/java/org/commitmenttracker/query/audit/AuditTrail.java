package org.commitmenttracker.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.query.commitment.CommitmentDetail;
import org.commitmenttracker.query.commitment.CommitmentFold.VersionedEvent;
import org.commitmenttracker.service.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.commitmenttracker.query.audit.StoredEvent.text;

/** What auditors ask of the event store: a commitment's history, its state at any time, its integrity. */
@Service
public class AuditTrail {

    private final EventStoreReader store;
    private final EventDecoder decoder;
    private final LogVerification log;

    AuditTrail(EventStoreReader store, EventDecoder decoder, LogVerification log) {
        this.store = store;
        this.decoder = decoder;
        this.log = log;
    }

    /** The number of events stored for a commitment; 0 when it does not exist. */
    public long version(String commitmentId) {
        return store.version(commitmentId);
    }

    /** Every event of the commitment in order, as stored. */
    public List<HistoryEntry> history(String commitmentId) {
        List<HistoryEntry> history = new ArrayList<>();
        for (StoredEvent stored : existingStream(commitmentId)) {
            JsonNode payload = stored.payloadJson();
            JsonNode metaData = stored.metaDataJson();
            history.add(new HistoryEntry(stored.eventId(), stored.version(), stored.type(), stored.revision(),
                    occurredOn(stored), stored.recordedAt(),
                    payload != null ? payload : TextNode.valueOf(new String(stored.payload(), StandardCharsets.UTF_8)),
                    new HistoryEntry.Metadata(text(metaData, "actor"), text(metaData, "correlationId"),
                            text(metaData, "causationId"), text(metaData, "idempotencyKey")),
                    text(metaData, "hash"), text(metaData, "previousHash")));
        }
        return history;
    }

    /**
     * The detail as it stood: see {@link StateAsOf}. {@code overdue} is judged on {@code asOf},
     * else on the day of {@code knownAt} (what the system showed then), else on {@code today}.
     */
    public CommitmentState state(String commitmentId, LocalDate asOf, Instant knownAt, LocalDate today) {
        List<VersionedEvent> stream = new ArrayList<>();
        for (StoredEvent stored : existingStream(commitmentId)) {
            CommitmentEvent event = decoder.decode(stored).orElseThrow(() -> new ApiException(
                    HttpStatus.INTERNAL_SERVER_ERROR, "Unreadable history", "The stored event at version "
                    + stored.version() + " of commitment '" + commitmentId + "' cannot be read; verify its integrity."));
            stream.add(new VersionedEvent(event, stored.version(), stored.recordedAt()));
        }
        StateAsOf.Replayed replayed = StateAsOf.replay(stream, asOf, knownAt).orElseThrow(() -> ApiException.notFound(
                "Nothing was known of commitment '" + commitmentId + "'" + (asOf == null ? "" : " as of " + asOf)
                        + (knownAt == null ? "" : " at " + knownAt) + "."));
        LocalDate overdueOn = asOf != null ? asOf : knownAt != null ? LocalDate.ofInstant(knownAt, ZoneOffset.UTC) : today;
        return new CommitmentState(replayed.detail().withOverdue(overdueOn), replayed.factsApplied(), asOf, knownAt);
    }

    public IntegrityReport integrity(String commitmentId) {
        ChainVerification chain = new ChainVerification(commitmentId);
        existingStream(commitmentId).forEach(stored -> chain.add(stored, occurredOn(stored)));
        return chain.report();
    }

    /** Every commitment's chain, in one pass over the event store, then the log in a second. */
    public IntegritySummary integrityOfAll() {
        AllChains all = new AllChains();
        store.forEachEvent(stored -> all.add(stored, occurredOn(stored)));
        return all.summary(log.verify().orElse(null));
    }

    private LocalDate occurredOn(StoredEvent stored) {
        return decoder.decode(stored).map(CommitmentEvent::occurredOn).orElse(null);
    }

    private List<StoredEvent> existingStream(String commitmentId) {
        List<StoredEvent> stream = store.stream(commitmentId);
        if (stream.isEmpty()) {
            throw ApiException.notFound("Commitment '" + commitmentId + "' does not exist.");
        }
        return stream;
    }

    /** The streams arrive one after the other, each in order: one chain is open at a time. */
    private static final class AllChains {
        private final List<String> failed = new ArrayList<>();
        private long checked;
        private ChainVerification current;
        private String currentId;

        void add(StoredEvent stored, LocalDate occurredOn) {
            if (!Objects.equals(stored.commitmentId(), currentId)) {
                finish();
                currentId = stored.commitmentId();
                current = new ChainVerification(currentId);
                checked++;
            }
            current.add(stored, occurredOn);
        }

        /** {@code log} is null on an instance with the log switched off: the chains alone decide. */
        IntegritySummary summary(LogIntegrity log) {
            finish();
            return new IntegritySummary(checked, List.copyOf(failed), failed.isEmpty() && (log == null || log.valid()), log);
        }

        private void finish() {
            if (current != null && !current.report().valid()) {
                failed.add(currentId);
            }
            current = null;
        }
    }
}
