package org.commitmenttracker.bench;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.commitmenttracker.events.CommitmentEvent;
import org.commitmenttracker.events.commitment.CommitmentAnnounced;
import org.commitmenttracker.events.funding.FundsDisbursed;
import org.commitmenttracker.events.funding.FundsPledged;
import org.commitmenttracker.events.integrity.IntegrityChain;
import org.commitmenttracker.events.value.Category;
import org.commitmenttracker.events.value.Money;
import org.commitmenttracker.events.value.Source;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Valid events written straight into the event store, for streams too long to build through
 * the API in a benchmark's time: the JSON of the event records by the command service's own
 * serializer, the payload type and revision it writes, consecutive sequence numbers, the
 * integrity chain's hashes and the actor in the metadata, ascending global indexes (one
 * connection, batches committed in order). Stream event 0 announces the commitment, event 1
 * pledges far more than is ever disbursed, every later one disburses 1.00 under id
 * {@code s-<sequence>} (the API's disbursements are {@code d-<n>}, so they never collide).
 */
final class SyntheticEvents implements AutoCloseable {

    private static final int BATCH = 1_000;

    private final Serializer serializer;
    private final String aggregateType;
    private final Connection connection;
    private final PreparedStatement insert;
    private int batched;

    SyntheticEvents(BenchSystem system) {
        this.serializer = system.eventSerializer();
        this.aggregateType = aggregateType(system);
        this.connection = system.superuser(Map.of("reWriteBatchedInserts", "true"));
        try {
            connection.setAutoCommit(false);
            insert = connection.prepareStatement("INSERT INTO events.domain_event_entry (event_identifier,"
                    + " aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload,"
                    + " meta_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds event {@code sequence} of the commitment's stream after the one whose hash is {@code previousHash}; answers its hash. */
    String append(String commitmentId, int sequence, String previousHash) {
        CommitmentEvent event = event(commitmentId, sequence);
        String hash = IntegrityChain.hash(previousHash, IntegrityChain.Link.of(event, "officer"));
        MetaData metaData = MetaData.with("actor", "officer")
                .and("correlationId", UUID.randomUUID().toString())
                .and("causationId", UUID.randomUUID().toString())
                .and("hash", hash)
                .and("previousHash", previousHash);
        SerializedObject<byte[]> payload = serializer.serialize(event, byte[].class);
        try {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, commitmentId);
            insert.setLong(3, sequence);
            insert.setString(4, aggregateType);
            insert.setString(5, DateTimeUtils.formatInstant(Instant.now()));
            insert.setString(6, payload.getType().getName());
            insert.setString(7, payload.getType().getRevision());
            insert.setBytes(8, payload.getData());
            insert.setBytes(9, serializer.serialize(metaData, byte[].class).getData());
            insert.addBatch();
            if (++batched == BATCH) {
                flush();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot insert a synthetic event", e);
        }
        return hash;
    }

    /** A whole stream of {@code events} events. */
    void appendStream(String commitmentId, int events) {
        String hash = IntegrityChain.GENESIS;
        for (int sequence = 0; sequence < events; sequence++) {
            hash = append(commitmentId, sequence, hash);
        }
    }

    private void flush() throws SQLException {
        insert.executeBatch();
        connection.commit();
        batched = 0;
    }

    @Override
    public void close() {
        try (connection; insert) {
            flush();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot insert the synthetic events", e);
        }
    }

    private static CommitmentEvent event(String commitmentId, int sequence) {
        return switch (sequence) {
            case 0 -> new CommitmentAnnounced(commitmentId, "Invest in labor cooperation",
                    "Invest an additional $130 million over three years in labor cooperation.", Category.LABOR,
                    List.of("US", "MX"), List.of("Department of Labor", "USAID"), LocalDate.of(2021, 6, 8),
                    new Source("Vice President Harris Visit", "https://www.whitehouse.gov/", LocalDate.of(2021, 6, 15)),
                    LocalDate.of(2024, 6, 30));
            case 1 -> new FundsPledged(commitmentId, "pledge-1", Money.of(Commands.PLEDGE, "USD"),
                    LocalDate.of(2021, 10, 1), LocalDate.of(2024, 9, 30), "FY2022 appropriations",
                    LocalDate.of(2021, 6, 15), null);
            default -> new FundsDisbursed(commitmentId, "s-" + sequence, Money.of("1.00", "USD"),
                    LocalDate.of(2022, 1, 15), "International Labour Organization", null, null, null);
        };
    }

    /** The aggregate type the command service stores (Axon writes the aggregate's simple class name). */
    private static String aggregateType(BenchSystem system) {
        try (Connection connection = system.superuser(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT type FROM events.domain_event_entry LIMIT 1")) {
            return row.next() ? row.getString(1) : "Commitment";
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
