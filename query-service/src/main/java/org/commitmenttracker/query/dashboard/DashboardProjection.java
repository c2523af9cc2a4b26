package org.commitmenttracker.query.dashboard;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.query.commitment.CommitmentDetail;
import org.commitmenttracker.query.commitment.CommitmentFold;
import org.commitmenttracker.query.processing.AppliedVersions;
import org.springframework.stereotype.Component;

/**
 * Builds the dashboard's row per commitment. Status, rating and funding come from the same
 * {@link CommitmentFold} as the detail, so the dashboard and the detail never disagree on what
 * a status or a total means; the row is this read model's own, so it replays on its own.
 */
@Component
@ProcessingGroup(DashboardProjection.NAME)
class DashboardProjection {

    static final String NAME = "dashboard";

    private final DashboardReadModel readModel;
    private final AppliedVersions versions;

    DashboardProjection(DashboardReadModel readModel, AppliedVersions versions) {
        this.readModel = readModel;
        this.versions = versions;
    }

    @EventHandler
    void on(CommitmentEvent event, @SequenceNumber long sequenceNumber) {
        String id = event.commitmentId();
        long version = sequenceNumber + 1;
        versions.apply(NAME, id, version, startOver -> {
            if (startOver) {
                readModel.delete(id);
            }
            CommitmentDetail current = startOver ? null : readModel.state(id).orElse(null);
            CommitmentDetail next = CommitmentFold.evolve(current, event, version);
            if (next != null) {
                readModel.save(next);
            }
        });
    }

    @ResetHandler
    void reset() {
        versions.startOver(NAME);
    }
}
