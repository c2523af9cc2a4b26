package org.commitmenttracker.query.audit;

import org.axonframework.common.DateTimeUtils;
import org.commitmenttracker.service.eventstore.EventStoreSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the event store itself, never a read model: what auditors see is what is stored. The
 * query service's role may only SELECT there.
 */
@Repository
class EventStoreReader {

    private static final String COLUMNS = "event_identifier, aggregate_identifier, sequence_number, payload_type, "
            + "payload_revision, time_stamp, payload, meta_data FROM " + EventStoreSchema.EVENT_TABLE;

    private final JdbcClient jdbc;
    /** Fetches in batches, so checking every stream holds one batch in memory, not the whole store. */
    private final JdbcClient batched;
    private final TransactionTemplate readOnly;

    EventStoreReader(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(500);
        this.batched = JdbcClient.create(template);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /** The stream of one commitment in order; empty when it does not exist. */
    List<StoredEvent> stream(String commitmentId) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE aggregate_identifier = ? ORDER BY sequence_number")
                .param(commitmentId)
                .query((rs, row) -> read(rs))
                .list();
    }

    /** The number of events in a commitment's stream, i.e. its version. */
    long version(String commitmentId) {
        return jdbc.sql("SELECT coalesce(max(sequence_number) + 1, 0) FROM " + EventStoreSchema.EVENT_TABLE
                        + " WHERE aggregate_identifier = ?")
                .param(commitmentId)
                .query(Long.class)
                .single();
    }

    /**
     * Every event of every stream, stream after stream, each in order. PostgreSQL only fetches in
     * batches inside a transaction, hence the read-only one.
     */
    void forEachEvent(Consumer<StoredEvent> consumer) {
        readOnly.executeWithoutResult(status -> batched
                .sql("SELECT " + COLUMNS + " ORDER BY aggregate_identifier, sequence_number")
                .query(rs -> {
                    consumer.accept(read(rs));
                }));
    }

    /** One event in feed order with the leaf the log holds at its position (null when it holds none). */
    record LoggedEvent(long position, StoredEvent event, byte[] leafHash) {
    }

    /**
     * The events of feed positions 1..{@code upTo} (one commitment's, or all when null) in feed
     * order, read from the event store itself; a position whose event the store no longer has is
     * left out, so that a verifier sees the gap.
     */
    void forEachInFeedOrder(long upTo, String commitmentId, Consumer<LoggedEvent> consumer) {
        String sql = "SELECT f.position, n.hash AS leaf_hash, e.event_identifier, e.aggregate_identifier, "
                + "e.sequence_number, e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data"
                + " FROM query.feed_event f JOIN " + EventStoreSchema.EVENT_TABLE + " e ON e.event_identifier = f.event_id"
                + " LEFT JOIN query.log_node n ON n.level = 0 AND n.idx = f.position - 1"
                + " WHERE f.position <= ?" + (commitmentId == null ? "" : " AND f.commitment_id = ?")
                + " ORDER BY f.position";
        Object[] params = commitmentId == null ? new Object[]{upTo} : new Object[]{upTo, commitmentId};
        readOnly.executeWithoutResult(status -> batched.sql(sql).params(params).query(rs -> {
            consumer.accept(new LoggedEvent(rs.getLong("position"), read(rs), rs.getBytes("leaf_hash")));
        }));
    }

    private static StoredEvent read(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getString("event_identifier"), rs.getString("aggregate_identifier"),
                rs.getLong("sequence_number") + 1, rs.getString("payload_type"), rs.getString("payload_revision"),
                DateTimeUtils.parseInstant(rs.getString("time_stamp")), rs.getBytes("payload"), rs.getBytes("meta_data"));
    }
}
