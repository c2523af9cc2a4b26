package org.commitmenttracker.query.dashboard;

import org.axonframework.config.ProcessingGroup;
import org.commitmenttracker.query.commitment.CommitmentFold;
import org.commitmenttracker.query.commitment.FoldedDetailProjection;
import org.commitmenttracker.query.processing.AppliedVersions;
import org.springframework.stereotype.Component;

/**
 * Builds the dashboard's row per commitment. Status, rating and funding come from the same
 * {@link CommitmentFold} as the detail, so the dashboard and the detail never disagree on what
 * a status or a total means; the row is this read model's own, so it replays on its own.
 */
@Component
@ProcessingGroup(DashboardProjection.NAME)
class DashboardProjection extends FoldedDetailProjection {

    static final String NAME = "dashboard";

    DashboardProjection(DashboardReadModel readModel, AppliedVersions versions) {
        super(NAME, readModel, versions);
    }
}
