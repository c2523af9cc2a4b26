package org.commitmenttracker.service.transaction;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.ResourceTransactionManager;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Only a writing transaction of its own, whose commit the database broke off, has an unknown
 * outcome; every other failure passes through as it was.
 */
class OutcomeAwareTransactionsTest {

    private static final RuntimeException CONNECTION_BROKEN = new DataAccessResourceFailureException("JDBC commit",
            new SQLException("An I/O error occurred while sending to the backend.", "08006"));

    @Test
    void aWritingCommitTheDatabaseBrokeOffHasAnUnknownOutcome() {
        OutcomeAwareTransactions transactions = new OutcomeAwareTransactions(committingFails(CONNECTION_BROKEN));

        assertThatThrownBy(() -> transactions.commit(status(true, false)))
                .isInstanceOf(CommitOutcomeUnknown.class).hasCause(CONNECTION_BROKEN);
    }

    @Test
    void aReadOnlyCommitOrOneThatJoinedAnOuterTransactionFailsAsItWas() {
        OutcomeAwareTransactions transactions = new OutcomeAwareTransactions(committingFails(CONNECTION_BROKEN));

        assertThatThrownBy(() -> transactions.commit(status(true, true))).isSameAs(CONNECTION_BROKEN);
        assertThatThrownBy(() -> transactions.commit(status(false, false))).isSameAs(CONNECTION_BROKEN);
    }

    @Test
    void aCommitRefusedByTheDatabaseIsNoUnknownOutcome() {
        RuntimeException refused = new DataIntegrityViolationException("deferred constraint",
                new SQLException("violates foreign key constraint", "23503"));
        OutcomeAwareTransactions transactions = new OutcomeAwareTransactions(committingFails(refused));

        assertThatThrownBy(() -> transactions.commit(status(true, false))).isSameAs(refused);
    }

    @Test
    void theOutcomeIsFoundAnywhereInAFailuresCauses() {
        CommitOutcomeUnknown unknown = new CommitOutcomeUnknown(CONNECTION_BROKEN);

        assertThat(CommitOutcomeUnknown.in(new IllegalStateException("command failed", unknown))).isSameAs(unknown);
        assertThat(CommitOutcomeUnknown.in(CONNECTION_BROKEN)).isNull();
    }

    private static TransactionStatus status(boolean newTransaction, boolean readOnly) {
        return new DefaultTransactionStatus("test", new Object(), newTransaction, false, false, readOnly, false, null);
    }

    private static ResourceTransactionManager committingFails(RuntimeException failure) {
        return new ResourceTransactionManager() {
            @Override
            public TransactionStatus getTransaction(TransactionDefinition definition) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void commit(TransactionStatus status) {
                throw failure;
            }

            @Override
            public void rollback(TransactionStatus status) {
            }

            @Override
            public Object getResourceFactory() {
                return null;
            }
        };
    }
}
