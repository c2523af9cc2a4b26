package org.commitmenttracker.query.commitment;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.query.processing.AppliedVersions;
import org.commitmenttracker.query.processing.BatchedRows;

/**
 * A read model whose row per commitment holds the commitment's detail as {@link CommitmentFold}
 * folds it: idempotent and replayable through {@link AppliedVersions} (a redelivered event
 * changes nothing; a replay replaces each commitment's row when it reaches the commitment's
 * announcement), worked per batch ({@link BatchedRows}). Each subclass is its own processing
 * group with its own table, so it replays on its own.
 */
public abstract class FoldedDetailProjection {

    private final String readModel;
    private final AppliedVersions versions;
    private final BatchedRows<CommitmentDetail> rows;

    protected FoldedDetailProjection(String readModel, BatchedRows.Table<CommitmentDetail> table,
                                     AppliedVersions versions) {
        this.readModel = readModel;
        this.versions = versions;
        this.rows = new BatchedRows<>(readModel, table, versions);
    }

    @EventHandler
    public void on(CommitmentEvent event, @SequenceNumber long sequenceNumber) {
        long version = sequenceNumber + 1;
        rows.apply(event.commitmentId(), version, current -> CommitmentFold.evolve(current, event, version));
    }

    @ResetHandler
    public void reset() {
        versions.startOver(readModel);
        rows.forget();
    }
}
