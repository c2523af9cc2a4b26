package org.commitmenttracker.system;

import org.commitmenttracker.command.CommandServiceApplication;
import org.commitmenttracker.local.LocalStack;
import org.commitmenttracker.query.QueryServiceApplication;
import org.commitmenttracker.testsupport.TestDatabase;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Both services, each with its own Spring context, on one fresh database, reached over real
 * HTTP on random ports. Started once per test JVM and shared: tests use their own commitment ids.
 */
final class RunningSystem {

    /** Failed attempts at one event before a webhook subscription is parked, in the tests' services. */
    static final int WEBHOOK_PARK_AFTER = 4;

    private static RunningSystem shared;

    final TestDatabase.Database database;
    final ConfigurableApplicationContext commandService;
    final ConfigurableApplicationContext queryService;

    private RunningSystem(TestDatabase.Database database, ConfigurableApplicationContext commandService,
                          ConfigurableApplicationContext queryService) {
        this.database = database;
        this.commandService = commandService;
        this.queryService = queryService;
    }

    static synchronized RunningSystem shared() {
        if (shared == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
            shared = isolated();
        }
        return shared;
    }

    /** A system of its own on a database of its own, for a test that damages what it touches; close it after. */
    static RunningSystem isolated() {
        TestDatabase.Database database = newDatabase();
        // The command service's answers point at the query service: its port is chosen first.
        int queryPort = freePort();
        Map<String, Object> commandProperties = new java.util.HashMap<>(database.commandServiceProperties());
        commandProperties.put("tracker.query-service.base-url", "http://localhost:" + queryPort);
        Map<String, Object> queryProperties = new java.util.HashMap<>(database.queryServiceProperties());
        queryProperties.put("server.port", queryPort);
        return new RunningSystem(database, start(CommandServiceApplication.builder(), commandProperties),
                start(QueryServiceApplication.builder(), queryProperties));
    }

    /**
     * A fresh database with both services' migrations applied by their migration step, as the
     * owner, as in a deployment: the services started on it then hold their own roles only.
     */
    static TestDatabase.Database newDatabase() {
        TestDatabase.Database database = TestDatabase.newDatabase();
        LocalStack.migrate(database.migrationProperties());
        return database;
    }

    /** A database on a server of its own that the test may stop, migrated as {@link #newDatabase()}. */
    static TestDatabase.StoppableDatabase stoppableDatabase(java.nio.file.Path dataDirectory) {
        TestDatabase.StoppableDatabase postgres = TestDatabase.stoppableDatabase(dataDirectory);
        try {
            LocalStack.migrate(postgres.database().migrationProperties());
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        return postgres;
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void close() {
        queryService.close();
        commandService.close();
    }

    /** Another command-service instance on the same database, as behind a load balancer. */
    ConfigurableApplicationContext startAnotherCommandService() {
        return start(CommandServiceApplication.builder(), database.commandServiceProperties());
    }

    static ConfigurableApplicationContext start(SpringApplicationBuilder service, Map<String, Object> properties) {
        Map<String, Object> all = new java.util.LinkedHashMap<>();
        all.put("tracker.read.min-version-wait", "3s");
        // WaitingReadsTest holds 300 waits from one user: enough room that they all wait.
        all.put("tracker.read.min-version-max-waits", 400);
        all.put("tracker.read.min-version-max-waits-per-client", 400);
        // SlowClientsTest waits for its deadline.
        all.put("tracker.http.body-read-timeout", "3s");
        // Fast enough for tests: webhook retries in fractions of a second, frequent polls.
        all.put("tracker.webhooks.retry.initial-delay", "200ms");
        all.put("tracker.webhooks.retry.max-delay", "1s");
        all.put("tracker.webhooks.poll-interval", "100ms");
        all.put("tracker.webhooks.park-after", WEBHOOK_PARK_AFTER);
        all.put("tracker.stream.poll-interval", "100ms");
        all.put("tracker.stream.heartbeat", "1s");
        all.putAll(properties); // a test's own settings win
        return service.profiles("local").run(arguments(all).toArray(String[]::new));
    }

    /** Command-line arguments for a service on a random port with these properties. */
    static List<String> arguments(Map<String, Object> properties) {
        List<String> args = new ArrayList<>();
        if (!properties.containsKey("server.port")) {
            args.add("--server.port=0");
        }
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        return args;
    }

    TrackerHttp commands() {
        return http(commandService);
    }

    TrackerHttp queries() {
        return http(queryService);
    }

    /** The number of events in a commitment's stream, i.e. its version, straight from the event store. */
    long eventCount(String commitmentId) {
        return Long.parseLong(column("SELECT count(*) FROM events.domain_event_entry WHERE aggregate_identifier = ?",
                commitmentId).get(0));
    }

    /** The ids of a commitment's events, in the order of its stream. */
    List<String> eventIds(String commitmentId) {
        return column("SELECT event_identifier FROM events.domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", commitmentId);
    }

    /** The version of the latest snapshot Axon keeps of a commitment; 0 when there is none. */
    long latestSnapshotVersion(String commitmentId) {
        return Long.parseLong(column("SELECT coalesce(max(sequence_number) + 1, 0) FROM events.snapshot_event_entry "
                + "WHERE aggregate_identifier = ?", commitmentId).get(0));
    }

    /** The disbursement ids of a commitment's stored FundsDisbursed events, straight from the event store, repeats included. */
    static List<String> storedDisbursements(TestDatabase.Database database, String commitmentId) {
        return column(database, "SELECT convert_from(payload, 'UTF8')::jsonb ->> 'disbursementId' "
                + "FROM events.domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%FundsDisbursed'",
                commitmentId);
    }

    private List<String> column(String sql, String commitmentId) {
        return column(database, sql, commitmentId);
    }

    private static List<String> column(TestDatabase.Database database, String sql, String commitmentId) {
        try (Connection owner = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(),
                database.credentials().ownerPassword());
             PreparedStatement statement = owner.prepareStatement(sql)) {
            statement.setString(1, commitmentId);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The owner role, which may read every table; the services' roles may not. */
    Connection ownerConnection() throws SQLException {
        return connect(database.ownerUser(), database.credentials().ownerPassword());
    }

    Connection connect(String user, String password) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), user, password);
    }

    static TrackerHttp http(ConfigurableApplicationContext service) {
        return new TrackerHttp("http://localhost:" + service.getEnvironment().getProperty("local.server.port"));
    }
}
