package org.commitmenttracker.query.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.commitmenttracker.testsupport.TestDatabase;
import org.commitmenttracker.postgres.TrackerDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch of a read model that the event store rebuilds commits without waiting for the disk, on
 * a database whose commits wait; the connection, which the pool lends to the feed next, does not
 * keep the setting.
 */
class AsynchronousCommitTest {

    private static SingleConnectionDataSource dataSource;
    private static JdbcClient jdbc;
    private static TransactionTemplate transaction;

    @BeforeAll
    static void connection() throws SQLException {
        TestDatabase.Database database = TestDatabase.newDatabase();
        dataSource = new SingleConnectionDataSource(database.jdbcUrl(), TrackerDatabase.QUERY_ROLE,
                database.credentials().queryPassword(), true);
        jdbc = JdbcClient.create(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        // The test server does not wait for the disk; this session does, as a durable database's would.
        jdbc.sql("SET synchronous_commit TO on").update();
    }

    @AfterAll
    static void close() {
        dataSource.destroy();
    }

    @Test
    void everyEventOfABatchIsAppliedInATransactionThatDoesNotWaitAndTheConnectionWaitsAgainAfterIt() {
        AsynchronousCommit asynchronousCommit = new AsynchronousCommit(jdbc);
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(
                GenericEventMessage.asEventMessage("first"), GenericEventMessage.asEventMessage("second")));
        List<String> seenByHandlers = new ArrayList<>();

        ResultMessage<?> result = transaction.execute(status -> batch.executeWithResult(
                () -> asynchronousCommit.handle(batch, () -> seenByHandlers.add(setting()))));

        assertThat(result.isExceptional()).as("the batch succeeded").isFalse();
        assertThat(seenByHandlers).containsExactly("off", "off");
        String afterTheBatch = transaction.execute(status -> setting());
        assertThat(afterTheBatch).isEqualTo("on");
    }

    private static String setting() {
        return jdbc.sql("SHOW synchronous_commit").query(String.class).single();
    }
}
