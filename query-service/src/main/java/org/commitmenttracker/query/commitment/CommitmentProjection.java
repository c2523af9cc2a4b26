package org.commitmenttracker.query.commitment;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.commitmenttracker.events.CommitmentEvent;
import org.springframework.stereotype.Component;

/**
 * Builds the commitment list and detail. Idempotent: a row remembers the version it has
 * reached and an event at or below it changes nothing, so a redelivered event never counts
 * twice. The row and the processor's token commit in one transaction.
 */
@Component
@ProcessingGroup(CommitmentProjection.NAME)
class CommitmentProjection {

    static final String NAME = "commitments";

    private final CommitmentReadModel readModel;

    CommitmentProjection(CommitmentReadModel readModel) {
        this.readModel = readModel;
    }

    @EventHandler
    void on(CommitmentEvent event, @SequenceNumber long sequenceNumber) {
        long version = sequenceNumber + 1;
        CommitmentDetail current = readModel.find(event.commitmentId()).orElse(null);
        if (current != null && current.version() >= version) {
            return;
        }
        readModel.save(CommitmentFold.evolve(current, event, version));
    }

    @ResetHandler
    void reset() {
        readModel.deleteAll();
    }
}
