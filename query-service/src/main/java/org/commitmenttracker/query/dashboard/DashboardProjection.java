package org.commitmenttracker.query.dashboard;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.query.commitment.CommitmentDetail;
import org.commitmenttracker.query.commitment.CommitmentFold;
import org.commitmenttracker.query.processing.AppliedVersions;
import org.commitmenttracker.query.processing.BatchedRows;
import org.springframework.stereotype.Component;

/**
 * Builds the dashboard's row per commitment. Status, rating and funding come from the same
 * {@link CommitmentFold} as the detail, so the dashboard and the detail never disagree on what
 * a status or a total means; the row is this read model's own, so it replays on its own.
 * Worked per batch ({@link BatchedRows}).
 */
@Component
@ProcessingGroup(DashboardProjection.NAME)
class DashboardProjection {

    static final String NAME = "dashboard";

    private final AppliedVersions versions;
    private final BatchedRows<CommitmentDetail> rows;

    DashboardProjection(DashboardReadModel readModel, AppliedVersions versions) {
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
