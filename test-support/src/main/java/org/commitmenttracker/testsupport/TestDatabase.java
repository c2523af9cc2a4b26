package org.commitmenttracker.testsupport;

import org.commitmenttracker.postgres.EmbeddedPostgresServer;
import org.commitmenttracker.postgres.TrackerDatabase;
import org.commitmenttracker.postgres.TrackerDatabase.Credentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place that gives tests a real PostgreSQL. In order: the server of
 * {@code TRACKER_TEST_JDBC_URL} (a superuser URL, e.g.
 * {@code jdbc:postgresql://localhost:5432/postgres?user=postgres&password=secret}), else a
 * Testcontainers {@code postgres:16} when Docker answers, else an embedded PostgreSQL 16. The
 * server starts once per JVM; each call of {@link #newDatabase()} provisions a fresh database
 * on it exactly as the local stack does, so no test sees another's data.
 */
public final class TestDatabase {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
    private static final Map<String, String> LOG_SIGNING_KEYS = new ConcurrentHashMap<>();
    private static TrackerDatabase server;

    private TestDatabase() {
    }

    /** Connection settings of one provisioned database, per role. */
    public record Database(String jdbcUrl, Credentials credentials, TrackerDatabase server) {

        public String ownerUser() {
            return TrackerDatabase.OWNER_ROLE;
        }

        /**
         * A connection to this database as the server's superuser: for tests that must do what
         * the tracker's roles cannot, such as switching off the append-only trigger to tamper
         * with an event. Close it after use.
         */
        public Connection superuserConnection() throws SQLException {
            return server().connectAsSuperuser(jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1));
        }

        /** Spring properties for the command service on this database. */
        public Map<String, Object> commandServiceProperties() {
            return properties(TrackerDatabase.COMMAND_ROLE, credentials.commandPassword());
        }

        /**
         * Spring properties for the query service on this database, with an ephemeral key for the
         * log's checkpoints: one per database, so every instance on it signs as the same log.
         */
        public Map<String, Object> queryServiceProperties() {
            Map<String, Object> properties = properties(TrackerDatabase.QUERY_ROLE, credentials.queryPassword());
            properties.put("tracker.log.signing-key", logSigningKey());
            return properties;
        }

        /** The PKCS#8 PEM of this database's log signing key. */
        public String logSigningKey() {
            return LOG_SIGNING_KEYS.computeIfAbsent(jdbcUrl, url -> LogSigningKeys.ephemeralPem());
        }

        /**
         * Settings for either service's migration step ({@code migrate}) on this database, named
         * as a deployment's environment names them: the only ones that carry the owner's
         * password. The services' own properties never do, as in a deployment.
         */
        public Map<String, Object> migrationProperties() {
            Map<String, Object> properties = new HashMap<>();
            properties.put("TRACKER_DB_URL", jdbcUrl);
            properties.put("TRACKER_OWNER_DB_USER", TrackerDatabase.OWNER_ROLE);
            properties.put("TRACKER_OWNER_DB_PASSWORD", credentials.ownerPassword());
            return properties;
        }

        private Map<String, Object> properties(String user, String password) {
            Map<String, Object> properties = new HashMap<>();
            properties.put("spring.datasource.url", jdbcUrl);
            properties.put("spring.datasource.username", user);
            properties.put("spring.datasource.password", password);
            return properties;
        }
    }

    /** A database on a server of its own that a test may stop and start again (an outage). */
    public static final class StoppableDatabase implements AutoCloseable {

        private final Path dataDirectory;
        private final int port;
        private final Database database;
        private EmbeddedPostgresServer server;

        private StoppableDatabase(Path dataDirectory, int port) {
            this.dataDirectory = dataDirectory;
            this.port = port;
            this.server = EmbeddedPostgresServer.persistent(dataDirectory, port);
            TrackerDatabase tracker = server.trackerDatabase();
            tracker.provision("tracker", Credentials.local());
            this.database = new Database(tracker.jdbcUrl("tracker"), Credentials.local(), tracker);
        }

        public Database database() {
            return database;
        }

        /** Stops the server as an operator or a crash would: connections drop, nothing answers. */
        public synchronized void stop() {
            server.close();
            server = null;
        }

        /** Starts the server again on the same port and data. */
        public synchronized void start() {
            server = EmbeddedPostgresServer.persistent(dataDirectory, port);
        }

        @Override
        public synchronized void close() {
            if (server != null) {
                server.close();
            }
        }
    }

    /**
     * A server only this test uses, so it may stop it. Always an embedded PostgreSQL: neither
     * a shared server nor a container can be stopped and started again under the services.
     */
    public static StoppableDatabase stoppableDatabase(Path dataDirectory) {
        try (ServerSocket socket = new ServerSocket(0)) {
            int port = socket.getLocalPort();
            socket.close();
            return new StoppableDatabase(dataDirectory, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized Database newDatabase() {
        TrackerDatabase tracker = server();
        String name = "tracker_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Credentials credentials = Credentials.local();
        tracker.provision(name, credentials);
        return new Database(tracker.jdbcUrl(name), credentials, tracker);
    }

    private static synchronized TrackerDatabase server() {
        if (server == null) {
            server = start();
        }
        return server;
    }

    private static TrackerDatabase start() {
        String url = System.getenv("TRACKER_TEST_JDBC_URL");
        if (url != null && !url.isBlank()) {
            log.info("Tests use the PostgreSQL of TRACKER_TEST_JDBC_URL");
            return fromUrl(url);
        }
        if (dockerAnswers()) {
            log.info("Tests use a Testcontainers postgres:16");
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:16");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new TrackerDatabase("jdbc:postgresql://" + container.getHost() + ":"
                    + container.getMappedPort(5432) + "/", container.getUsername(), container.getPassword());
        }
        log.info("No Docker engine answers: tests use an embedded PostgreSQL 16");
        EmbeddedPostgresServer embedded = EmbeddedPostgresServer.temporary();
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
        return embedded.trackerDatabase();
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static TrackerDatabase fromUrl(String url) {
        URI uri = URI.create(url.substring("jdbc:".length()));
        Map<String, String> query = new HashMap<>();
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        String serverUrl = "jdbc:postgresql://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort()) + "/";
        return new TrackerDatabase(serverUrl, query.getOrDefault("user", "postgres"), query.get("password"));
    }
}
