package org.commitmenttracker.query.commitment;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.query.processing.AppliedVersions;
import org.commitmenttracker.query.processing.BatchedRows;
import org.springframework.stereotype.Component;

/**
 * Folds each commitment once ({@link CommitmentFold}) and writes every read model of it from
 * that fold ({@link CommitmentReadModel}): the list and detail, the ledger, the dialogue
 * calendar and the dashboard. Idempotent and replayable through {@link AppliedVersions}, worked
 * per batch ({@link BatchedRows}).
 */
@Component
@ProcessingGroup(CommitmentProjection.NAME)
public class CommitmentProjection {

    public static final String NAME = "commitments";

    private final AppliedVersions versions;
    private final BatchedRows<FoldedCommitment> rows;

    public CommitmentProjection(CommitmentReadModel readModel, AppliedVersions versions) {
        this.versions = versions;
        this.rows = new BatchedRows<>(NAME, readModel, versions);
    }

    @EventHandler
    public void on(CommitmentEvent event, @SequenceNumber long sequenceNumber) {
        long version = sequenceNumber + 1;
        rows.apply(event.commitmentId(), version, current -> CommitmentFold.evolve(current, event, version));
    }

    @ResetHandler
    public void reset() {
        versions.startOver(NAME);
        rows.forget();
    }
}
