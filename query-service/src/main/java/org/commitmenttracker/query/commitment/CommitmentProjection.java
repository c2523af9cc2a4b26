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
 * Builds the commitment list and detail. Idempotent and replayable through
 * {@link AppliedVersions}: a redelivered event changes nothing, and a replay replaces each
 * commitment's row when it reaches the commitment's announcement. Worked per batch
 * ({@link BatchedRows}).
 */
@Component
@ProcessingGroup(CommitmentProjection.NAME)
class CommitmentProjection {

    static final String NAME = "commitments";

    private final AppliedVersions versions;
    private final BatchedRows<CommitmentDetail> rows;

    CommitmentProjection(CommitmentReadModel readModel, AppliedVersions versions) {
        this.versions = versions;
        this.rows = new BatchedRows<>(NAME, readModel, versions);
    }

    @EventHandler
    void on(CommitmentEvent event, @SequenceNumber long sequenceNumber) {
        long version = sequenceNumber + 1;
        rows.apply(event.commitmentId(), version, current -> CommitmentFold.evolve(current, event, version));
    }

    @ResetHandler
    void reset() {
        versions.startOver(NAME);
        rows.forget();
    }
}
