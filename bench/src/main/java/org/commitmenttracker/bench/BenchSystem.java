package org.commitmenttracker.bench;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.serialization.Serializer;
import org.commitmenttracker.command.CommandServiceApplication;
import org.commitmenttracker.postgres.EmbeddedPostgresServer;
import org.commitmenttracker.postgres.TrackerDatabase;
import org.commitmenttracker.events.log.Ed25519Keys;
import org.commitmenttracker.query.QueryServiceApplication;
import org.commitmenttracker.service.schema.SchemaMigration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;

/**
 * What a run measures: a throw-away embedded PostgreSQL 16, provisioned as every deployment
 * is, and both services in this JVM on it (profile {@code local}, random ports), reached over
 * real HTTP as the local stack's officer. The baselines connect as the superuser.
 */
final class BenchSystem implements AutoCloseable {

    static final String DATABASE = "tracker";
    /** The database of {@link #withoutLog()}'s system, on the same PostgreSQL. */
    static final String NO_LOG_DATABASE = "tracker_nolog";
    static final String PROCESSOR = "commitments";

    private final AutoCloseable postgres;
    private final TrackerDatabase server;
    private final String jdbcUrl;
    private final TrackerDatabase.Credentials credentials;
    private final String signingKey;
    final ConfigurableApplicationContext commandService;
    final ConfigurableApplicationContext queryService;
    /** The peer of issue 19 (PeerService): a plain Spring Boot service writing its rows itself; null without the log. */
    final ConfigurableApplicationContext peerService;
    final Http commands;
    final Http queries;
    final Http peer;

    private BenchSystem(AutoCloseable postgres, TrackerDatabase server, String jdbcUrl,
                        TrackerDatabase.Credentials credentials, String signingKey,
                        ConfigurableApplicationContext commandService, ConfigurableApplicationContext queryService,
                        ConfigurableApplicationContext peerService) {
        this.postgres = postgres;
        this.server = server;
        this.jdbcUrl = jdbcUrl;
        this.credentials = credentials;
        this.signingKey = signingKey;
        this.commandService = commandService;
        this.queryService = queryService;
        this.peerService = peerService;
        this.commands = Http.as(url(commandService), "officer");
        this.queries = Http.as(url(queryService), "officer");
        this.peer = peerService == null ? null : Http.as(url(peerService), "officer");
    }

    static BenchSystem start() {
        return start(false);
    }

    /**
     * With {@code durable}, PostgreSQL runs with {@code fsync} and {@code synchronous_commit} on
     * (a deployment's settings; zonky's {@code -F} is overridden by a later {@code -c fsync=on}),
     * for the system and the baselines alike; otherwise with zonky's test defaults (both off).
     */
    static BenchSystem start(boolean durable) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        AutoCloseable postgres;
        TrackerDatabase server;
        if (durable) {
            EmbeddedPostgres embedded = durablePostgres();
            postgres = embedded;
            server = new TrackerDatabase("jdbc:postgresql://localhost:" + embedded.getPort() + "/", "postgres", null);
        } else {
            EmbeddedPostgresServer temporary = EmbeddedPostgresServer.temporary();
            postgres = temporary;
            server = temporary.trackerDatabase();
        }
        try {
            TrackerDatabase.Credentials credentials = TrackerDatabase.Credentials.local();
            server.provision(DATABASE, credentials);
            String jdbcUrl = server.jdbcUrl(DATABASE);
            migrate(CommandServiceApplication.migration(), jdbcUrl, credentials);
            migrate(QueryServiceApplication.migration(), jdbcUrl, credentials);
            ConfigurableApplicationContext commandService = start(CommandServiceApplication.builder(), jdbcUrl,
                    TrackerDatabase.COMMAND_ROLE, credentials.commandPassword());
            String signingKey = Ed25519Keys.toPem(Ed25519Keys.generate().privateKey());
            ConfigurableApplicationContext queryService = start(QueryServiceApplication.builder(), jdbcUrl,
                    TrackerDatabase.QUERY_ROLE, credentials.queryPassword(), "--tracker.log.signing-key=" + signingKey);
            ConfigurableApplicationContext peerService = PeerService.start(jdbcUrl);
            return new BenchSystem(postgres, server, jdbcUrl, credentials, signingKey, commandService, queryService,
                    peerService);
        } catch (RuntimeException e) {
            closeQuietly(postgres);
            throw e;
        }
    }

    /**
     * The same system with the log switched off ({@code tracker.log.enabled=false}: the feed
     * processor appends no leaf, nothing is signed), on a database of its own on the same
     * PostgreSQL, with the same settings and key; no peer. What the log costs is the difference
     * (issue 14). Close it before this system, which stops the PostgreSQL they share. With
     * {@code BENCH_LOG_CONTROL=on} it keeps the log after all: a control run, whose log ratios show
     * what differs between the two systems besides the log.
     */
    BenchSystem withoutLog() {
        boolean control = "on".equals(System.getenv("BENCH_LOG_CONTROL"));
        server.provision(NO_LOG_DATABASE, credentials);
        String noLogUrl = server.jdbcUrl(NO_LOG_DATABASE);
        migrate(CommandServiceApplication.migration(), noLogUrl, credentials);
        migrate(QueryServiceApplication.migration(), noLogUrl, credentials);
        ConfigurableApplicationContext command = start(CommandServiceApplication.builder(), noLogUrl,
                TrackerDatabase.COMMAND_ROLE, credentials.commandPassword());
        ConfigurableApplicationContext query;
        try {
            query = start(QueryServiceApplication.builder(), noLogUrl, TrackerDatabase.QUERY_ROLE,
                    credentials.queryPassword(), "--tracker.log.signing-key=" + signingKey, "--tracker.log.enabled=" + control);
        } catch (RuntimeException e) {
            command.close();
            throw e;
        }
        return new BenchSystem(() -> { }, server, noLogUrl, credentials, signingKey, command, query, null);
    }

    private static EmbeddedPostgres durablePostgres() {
        try {
            return EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a durable embedded PostgreSQL", e);
        }
    }

    private static void closeQuietly(AutoCloseable postgres) {
        try {
            postgres.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the embedded PostgreSQL", e);
        }
    }

    private static ConfigurableApplicationContext start(SpringApplicationBuilder service, String jdbcUrl, String user,
                                                        String password, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        args.addAll(List.of(extra));
        return service.profiles("local").run(args.toArray(String[]::new));
    }

    /** The service's migration step, as the owner, as every deployment runs it before the services. */
    private static void migrate(SpringApplicationBuilder step, String jdbcUrl, TrackerDatabase.Credentials credentials) {
        SchemaMigration.run(step, "--spring.datasource.url=" + jdbcUrl,
                "--TRACKER_OWNER_DB_USER=" + TrackerDatabase.OWNER_ROLE,
                "--TRACKER_OWNER_DB_PASSWORD=" + credentials.ownerPassword(), "--logging.level.root=WARN");
    }

    /**
     * A second query-service instance on the same database (its own token owner name), with
     * {@code extra} settings: the Kafka workload's publisher. The first instance keeps the read
     * models' segments it holds; close the second after use.
     */
    ConfigurableApplicationContext startAnotherQueryService(String... extra) {
        List<String> args = new ArrayList<>(List.of("--tracker.log.signing-key=" + signingKey));
        args.addAll(List.of(extra));
        return start(QueryServiceApplication.builder(), jdbcUrl, TrackerDatabase.QUERY_ROLE, credentials.queryPassword(),
                args.toArray(String[]::new));
    }

    private static String url(ConfigurableApplicationContext service) {
        return "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
    }

    /** A connection to the tracker's database as the superuser, outside both services' pools. */
    Connection superuser() {
        return superuser(Map.of());
    }

    Connection superuser(Map<String, String> driverProperties) {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.putAll(driverProperties);
        try {
            return DriverManager.getConnection(jdbcUrl, properties);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + jdbcUrl, e);
        }
    }

    void execute(String... statements) {
        try (Connection connection = superuser(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long queryLong(String sql) {
        try (Connection connection = superuser(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String setting(String name) {
        try (Connection connection = superuser(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_setting('" + name + "')")) {
            row.next();
            return row.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The serializer the command service writes events with, so synthetic events are byte for byte alike. */
    Serializer eventSerializer() {
        return commandService.getBean(org.axonframework.config.Configuration.class).eventSerializer();
    }

    /** The serializer the query service reads events with. */
    Serializer queryEventSerializer() {
        return queryService.getBean(org.axonframework.config.Configuration.class).eventSerializer();
    }

    /** The query service's processor of the commitment read models. */
    StreamingEventProcessor commitmentsProcessor() {
        return queryService.getBean(EventProcessingConfiguration.class)
                .eventProcessor(PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor '" + PROCESSOR + "'"));
    }

    /** The query service's streaming processors other than the commitments' (the other read models and the feed). */
    List<StreamingEventProcessor> otherProcessors() {
        return queryService.getBean(EventProcessingConfiguration.class).eventProcessors().values().stream()
                .filter(processor -> processor instanceof StreamingEventProcessor && !processor.getName().equals(PROCESSOR))
                .map(StreamingEventProcessor.class::cast)
                .toList();
    }

    /**
     * Moves every segment of a stopped processor to the newest event, as if it had processed all
     * the events stored so far; unlike a reset, no reset handler runs and its read model stays.
     */
    void skipToHead(StreamingEventProcessor processor) {
        moveTo(processor, headToken());
    }

    /** The position of the newest event, as the processors' tokens hold it. */
    TrackingToken headToken() {
        return queryService.getBean(org.axonframework.config.Configuration.class).eventStore().createHeadToken();
    }

    /** Sets every segment of the stopped {@code processor} to {@code position}: it goes on from there once started. */
    void moveTo(StreamingEventProcessor processor, TrackingToken position) {
        org.axonframework.config.Configuration axon = queryService.getBean(org.axonframework.config.Configuration.class);
        TokenStore tokens = queryService.getBean(TokenStore.class);
        String name = processor.getName();
        axon.getComponent(TransactionManager.class).executeInTransaction(() -> {
            for (int segment : tokens.fetchSegments(name)) {
                tokens.fetchToken(name, segment);
                tokens.storeToken(position, name, segment);
                tokens.releaseClaim(name, segment);
            }
        });
    }

    long headGlobalIndex() {
        return queryLong("SELECT coalesce(max(global_index), -1) FROM events.domain_event_entry");
    }

    /**
     * Waits until every segment of the read models' processor has passed the newest event, so
     * a baseline never shares the cores with a projection still catching up.
     */
    void awaitProjectionAtHead(Duration timeout) {
        awaitProjectionAt(headGlobalIndex(), timeout);
    }

    void awaitProjectionAt(long head, Duration timeout) {
        awaitPassed(commitmentsProcessor(), head, timeout);
    }

    /**
     * Waits until every running processor of the query service (the read models', and the feed's,
     * which also appends the log's leaves) has passed the newest event: before either system of
     * the log-cost pair is measured, so that neither shares the cores with leftovers.
     */
    void awaitEveryProcessorAtHead(Duration timeout) {
        long head = headGlobalIndex();
        queryService.getBean(EventProcessingConfiguration.class).eventProcessors().values().stream()
                .filter(processor -> processor instanceof StreamingEventProcessor && processor.isRunning())
                .map(StreamingEventProcessor.class::cast)
                .forEach(processor -> awaitPassed(processor, head, timeout));
    }

    /** Until every segment of the processor (claimed, none in error) has passed global index {@code head}. */
    static void awaitPassed(StreamingEventProcessor processor, long head, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!passed(processor.processingStatus(), head)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the '" + processor.getName() + "' processor did not reach global index "
                        + head + " within " + timeout + ": " + processor.processingStatus());
            }
            LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
        }
    }

    /**
     * Whether these segments, together the whole stream (each covers {@code 1 / (mask + 1)} of it,
     * whichever instance holds it), have all passed {@code head}, none in error.
     */
    static boolean passed(Map<Integer, EventTrackerStatus> status, long head) {
        long whole = 1L << 32;
        long covered = 0;
        for (EventTrackerStatus segment : status.values()) {
            if (segment.isErrorState() || segment.getCurrentPosition().orElse(-1) < head) {
                return false;
            }
            covered += whole / (segment.getSegment().getMask() + 1L);
        }
        return covered >= whole;
    }

    @Override
    public void close() {
        try {
            if (peerService != null) {
                peerService.close();
            }
            queryService.close();
            commandService.close();
        } finally {
            closeQuietly(postgres);
        }
    }
}
