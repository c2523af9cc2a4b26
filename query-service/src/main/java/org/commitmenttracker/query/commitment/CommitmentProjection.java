package org.commitmenttracker.query.commitment;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.query.processing.AppliedVersions;
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

    CommitmentProjection(CommitmentReadModel readModel, AppliedVersions versions) {
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
            CommitmentDetail current = startOver ? null : readModel.find(id).orElse(null);
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
