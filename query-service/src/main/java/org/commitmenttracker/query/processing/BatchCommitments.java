package org.commitmenttracker.query.processing;

import java.util.LinkedHashSet;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.commitmenttracker.events.CommitmentEvent;

/**
 * The commitments whose events a processor is handling in its current batch, so that a projection
 * can read what it needs of all of them in one statement rather than one per event (the replay's
 * cost was in these round trips). Empty outside a batch.
 */
public final class BatchCommitments {

    private BatchCommitments() {
    }

    public static Set<String> ids() {
        Set<String> ids = new LinkedHashSet<>();
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> batch) {
            for (Object message : batch.getMessages()) {
                if (message instanceof EventMessage<?> event && event.getPayload() instanceof CommitmentEvent e) {
                    ids.add(e.commitmentId());
                }
            }
        }
        return ids;
    }
}
