package org.commitmenttracker.query;

import org.commitmenttracker.query.commitment.CommitmentStreams;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.commitmenttracker.postgres.TrackerDatabase;
import org.commitmenttracker.query.processing.AppliedVersions;
import org.commitmenttracker.query.processing.GenerationSwitch;
import org.commitmenttracker.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fresh database with the query schema migrated, reached as the query service's own role,
 * for projection tests that deliver plain events straight to a projection. Each delivery runs
 * in a transaction, as a batch of Axon's pooled processor does.
 */
public final class ReadModelDatabase implements AutoCloseable {

    /** For tests that deliver no correction: a correction would need the stream, which they do not keep. */
    public static final CommitmentStreams NO_CORRECTIONS = (id, version) -> {
        throw new AssertionError("this test delivers no correction, so it keeps no stream");
    };

    /** The share of the heap a projection may fill with remembered rows: the service's default. */
    public static final int REMEMBERED_HEAP_PERCENT = 25;

    public final JdbcClient jdbc;
    public final NamedParameterJdbcTemplate namedJdbc;
    public final ObjectMapper objectMapper;
    public final AppliedVersions versions;
    /** Switches a read model's reads to its newest generation when a test says its replay is done. */
    public final GenerationSwitch generations;
    /** Transactions on this database, for code that opens its own. */
    public final org.springframework.transaction.PlatformTransactionManager transactions;
    private final HikariDataSource dataSource;
    private final TransactionTemplate transaction;
    private final FluentConfiguration flyway;

    private ReadModelDatabase(HikariDataSource dataSource, FluentConfiguration flyway) {
        this.dataSource = dataSource;
        this.flyway = flyway;
        this.jdbc = JdbcClient.create(dataSource);
        this.namedJdbc = new NamedParameterJdbcTemplate(dataSource);
        DataSourceTransactionManager transactionManager = new DataSourceTransactionManager(dataSource);
        this.transaction = new TransactionTemplate(transactionManager);
        this.transactions = transactionManager;
        this.versions = new AppliedVersions(jdbc, transactionManager);
        this.generations = new GenerationSwitch(jdbc, null, transactionManager, java.time.Duration.ofDays(1));
        this.objectMapper = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    }

    public static ReadModelDatabase create() {
        return createAt(null);
    }

    /**
     * A database with the migrations up to {@code version} applied (all for null), for a test of
     * what a later migration does to rows written before it ({@link #migrate}).
     */
    public static ReadModelDatabase createAt(String version) {
        TestDatabase.Database database = TestDatabase.newDatabase();
        FluentConfiguration flyway = Flyway.configure()
                .dataSource(database.jdbcUrl(), database.ownerUser(), database.credentials().ownerPassword())
                .locations("classpath:db/query")
                .defaultSchema("query")
                .createSchemas(false)
                .placeholders(Map.of("query_role", TrackerDatabase.QUERY_ROLE));
        if (version != null) {
            flyway.target(version);
        }
        flyway.load().migrate();
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setUsername(TrackerDatabase.QUERY_ROLE);
        dataSource.setPassword(database.credentials().queryPassword());
        dataSource.setMaximumPoolSize(4);
        return new ReadModelDatabase(dataSource, flyway);
    }

    /** Applies the migrations not applied yet. */
    public void migrate() {
        flyway.target("latest").load().migrate();
    }

    /** Runs {@code work} in one transaction, like one batch of a processor. */
    public void inTransaction(Runnable work) {
        transaction.executeWithoutResult(status -> work.run());
    }

    /**
     * Runs {@code work} as a processor runs a batch of {@code messages}: in Axon's batching unit of
     * work and one transaction, so that a retry of the same messages is known as one.
     */
    public void inBatch(List<? extends EventMessage<?>> messages, Runnable work) {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.copyOf(messages));
        batch.start();
        try {
            transaction.executeWithoutResult(status -> work.run());
        } catch (RuntimeException e) {
            batch.rollback(e);
            throw e;
        }
        batch.commit();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
