package org.commitmenttracker.query.processing;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The processors' batches that failed on this instance, known by their events' ids, so that
 * Axon's retry of one applies its events each in a savepoint (see the package's explanation);
 * forgotten once the retry commits. Another instance that takes the segment over fails the batch
 * once more before it, too, retries it event by event.
 */
final class FailedBatches {

    /** Beyond this many remembered events (batches failing without retry), the oldest knowledge is dropped. */
    private static final int LIMIT = 100_000;

    private final Set<String> failedEvents = ConcurrentHashMap.newKeySet();

    /** Whether the current transaction's batch failed before, and so takes its events one savepoint at a time. */
    boolean retrying() {
        Batch batch = (Batch) TransactionSynchronizationManager.getResource(this);
        if (batch == null) {
            batch = new Batch(eventIds());
            batch.retrying = batch.eventIds.stream().anyMatch(failedEvents::contains);
            TransactionSynchronizationManager.bindResource(this, batch);
            TransactionSynchronizationManager.registerSynchronization(batch);
        }
        return batch.retrying;
    }

    private static List<String> eventIds() {
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> batch) {
            return batch.getMessages().stream().map(Message::getIdentifier).toList();
        }
        return List.of();
    }

    private final class Batch implements TransactionSynchronization {

        private final List<String> eventIds;
        private boolean retrying;

        private Batch(List<String> eventIds) {
            this.eventIds = eventIds;
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(FailedBatches.this);
            if (status == STATUS_ROLLED_BACK && !retrying) {
                if (failedEvents.size() > LIMIT) {
                    failedEvents.clear();
                }
                failedEvents.addAll(eventIds);
            } else if (status == STATUS_COMMITTED && retrying) {
                eventIds.forEach(failedEvents::remove);
            }
        }
    }
}
