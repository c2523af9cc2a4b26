package org.commitmenttracker.query.commitment;

import org.axonframework.config.ProcessingGroup;
import org.commitmenttracker.query.processing.AppliedVersions;
import org.springframework.stereotype.Component;

/** Builds the commitment list and detail ({@code query.commitment}). */
@Component
@ProcessingGroup(CommitmentProjection.NAME)
class CommitmentProjection extends FoldedDetailProjection {

    static final String NAME = "commitments";

    CommitmentProjection(CommitmentReadModel readModel, AppliedVersions versions) {
        super(NAME, readModel, versions);
    }
}
