package org.commitmenttracker.service.transaction;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.ResourceTransactionManager;

/**
 * Spring's JDBC transactions, with one distinction they do not make: a writing transaction whose
 * commit the database broke off is a {@link CommitOutcomeUnknown}, not a failure that wrote
 * nothing. Before the commit, a broken connection rolls the transaction back on the server; while
 * the commit runs, it may already be durable and only its answer lost.
 */
public final class OutcomeAwareTransactions implements ResourceTransactionManager {

    private final ResourceTransactionManager delegate;

    public OutcomeAwareTransactions(ResourceTransactionManager delegate) {
        this.delegate = delegate;
    }

    @Override
    public TransactionStatus getTransaction(TransactionDefinition definition) {
        return delegate.getTransaction(definition);
    }

    @Override
    public void commit(TransactionStatus status) {
        try {
            delegate.commit(status);
        } catch (RuntimeException e) {
            // Only a transaction of its own commits on the server, and only one that may write matters.
            boolean mayHaveWritten = status.isNewTransaction() && !status.isReadOnly();
            throw mayHaveWritten && DatabaseFailures.isUnreachable(e) ? new CommitOutcomeUnknown(e) : e;
        }
    }

    @Override
    public void rollback(TransactionStatus status) {
        delegate.rollback(status);
    }

    @Override
    public Object getResourceFactory() {
        return delegate.getResourceFactory();
    }
}
