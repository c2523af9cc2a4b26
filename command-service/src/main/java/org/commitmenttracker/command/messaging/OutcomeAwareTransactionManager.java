package org.commitmenttracker.command.messaging;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.commitmenttracker.service.web.DatabaseFailures;

/**
 * Axon's transactions, with one distinction Spring's do not make: a database that breaks off
 * during the commit itself is a {@link CommitOutcomeUnknown}, not a failure that recorded
 * nothing. Before the commit, a broken connection rolls the transaction back on the server; while
 * it runs, the commit may be durable and only its answer lost.
 */
final class OutcomeAwareTransactionManager implements TransactionManager {

    private final TransactionManager delegate;

    OutcomeAwareTransactionManager(TransactionManager delegate) {
        this.delegate = delegate;
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = delegate.startTransaction();
        return new Transaction() {
            @Override
            public void commit() {
                try {
                    transaction.commit();
                } catch (RuntimeException e) {
                    throw DatabaseFailures.isUnreachable(e) ? new CommitOutcomeUnknown(e) : e;
                }
            }

            @Override
            public void rollback() {
                transaction.rollback();
            }
        };
    }
}
