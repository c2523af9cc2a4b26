package org.commitmenttracker.query.commitment;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.query.processing.AppliedVersions;
import org.commitmenttracker.query.processing.BatchCommitments;
import org.commitmenttracker.query.processing.TransactionMemo;
import org.springframework.stereotype.Component;

/**
 * Builds the commitment list and detail. Idempotent and replayable through
 * {@link AppliedVersions}: a redelivered event changes nothing, and a replay replaces each
 * commitment's row when it reaches the commitment's announcement.
 */
@Component
@ProcessingGroup(CommitmentProjection.NAME)
class CommitmentProjection {

    static final String NAME = "commitments";

    private final CommitmentReadModel readModel;
    private final AppliedVersions versions;
    /**
     * The rows as this transaction has read (a whole batch's at once) or written them, empty for
     * no row: the next event of a commitment folds onto its detail instead of reading and parsing
     * the row again (the fold never mutates a detail).
     */
    private final TransactionMemo<String, Optional<CommitmentDetail>> rows = new TransactionMemo<>();
    /**
     * The rows a batch applied without savepoints has changed, written all at once just before it
     * commits; each row's {@code exists} is whether it existed before the batch.
     */
    private final TransactionMemo<String, CommitmentReadModel.Write> unwritten;

    CommitmentProjection(CommitmentReadModel readModel, AppliedVersions versions) {
        this.readModel = readModel;
        this.versions = versions;
        this.unwritten = new TransactionMemo<>(writes -> readModel.saveAll(writes.values()));
    }

    @EventHandler
    void on(CommitmentEvent event, @SequenceNumber long sequenceNumber) {
        String id = event.commitmentId();
        long version = sequenceNumber + 1;
        CommitmentDetail[] next = new CommitmentDetail[1];
        boolean applied = versions.apply(NAME, id, version, startOver -> {
            if (startOver) {
                readModel.delete(id);
                unwritten.remove(id);
            }
            CommitmentDetail current = startOver ? null : current(id);
            CommitmentDetail detail = CommitmentFold.evolve(current, event, version);
            if (detail != null && versions.deferring()) {
                CommitmentReadModel.Write pending = unwritten.get(id);
                boolean existed = pending != null ? pending.exists() : current != null;
                unwritten.put(id, new CommitmentReadModel.Write(detail, existed));
                next[0] = detail;
            } else {
                // Only what the row now holds may be remembered (the upsert skips an older version).
                next[0] = detail != null && readModel.save(detail, current != null) ? detail : null;
            }
        });
        // Remembered only once applied: a change rolled back to its savepoint is not remembered.
        if (applied) {
            if (next[0] != null) {
                rows.put(id, Optional.of(next[0]));
            } else {
                rows.remove(id);
            }
        }
    }

    private CommitmentDetail current(String id) {
        Optional<CommitmentDetail> known = rows.get(id);
        if (known != null) {
            return known.orElse(null);
        }
        Set<String> ids = BatchCommitments.ids();
        ids.removeIf(other -> rows.get(other) != null);
        ids.add(id);
        Map<String, CommitmentDetail> found = readModel.find(ids);
        ids.forEach(other -> rows.put(other, Optional.ofNullable(found.get(other))));
        return found.get(id);
    }

    @ResetHandler
    void reset() {
        versions.startOver(NAME);
        rows.clear();
    }
}
