package org.commitmenttracker.local;

import org.commitmenttracker.command.CommandServiceApplication;
import org.commitmenttracker.events.log.Ed25519Keys;
import org.commitmenttracker.postgres.EmbeddedPostgresServer;
import org.commitmenttracker.postgres.TrackerDatabase;
import org.commitmenttracker.query.QueryServiceApplication;
import org.commitmenttracker.service.schema.SchemaMigration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole product on a laptop: an embedded PostgreSQL 16 whose data stays in
 * {@code .local-data/postgres} (or {@code TRACKER_DATA_DIR}), the command service on 8081 and
 * the query service on 8082, seeded once with the 2021 US–Mexico fact sheet.
 */
public final class LocalStack implements AutoCloseable {

    static final String DATABASE = "tracker";
    static final String FACT_SHEET = "classpath:fact-sheets/us-mexico-vp-visit-2021-06-15.json";

    private final EmbeddedPostgresServer postgres;
    private final LocalKafka kafka;
    private final ConfigurableApplicationContext commandService;
    private final ConfigurableApplicationContext queryService;

    private LocalStack(EmbeddedPostgresServer postgres, LocalKafka kafka, ConfigurableApplicationContext commandService,
                       ConfigurableApplicationContext queryService) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.commandService = commandService;
        this.queryService = queryService;
    }

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        Path dataDirectory = Path.of(env("TRACKER_DATA_DIR", ".local-data/postgres")).toAbsolutePath();
        int databasePort = Integer.parseInt(env("TRACKER_DB_PORT", "54329"));
        LocalStack stack = start(dataDirectory, databasePort, args);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-shutdown"));
        stack.printWhereThingsAre(dataDirectory);
    }

    static LocalStack start(Path dataDirectory, int databasePort, String... args) {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.persistent(dataDirectory, databasePort);
        TrackerDatabase database = postgres.trackerDatabase();
        TrackerDatabase.Credentials credentials = TrackerDatabase.Credentials.local();
        database.provision(DATABASE, credentials);

        // Defaults only: the environment variables of the README still override each of them.
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("TRACKER_DB_URL", database.jdbcUrl(DATABASE));
        defaults.put("TRACKER_OWNER_DB_PASSWORD", credentials.ownerPassword());
        defaults.put("TRACKER_COMMAND_DB_PASSWORD", credentials.commandPassword());
        defaults.put("TRACKER_QUERY_DB_PASSWORD", credentials.queryPassword());
        defaults.put("TRACKER_LOG_SIGNING_KEY_FILE", logSigningKey(dataDirectory).toString());
        // A laptop's console: the processors' segment claims at every start are noise there.
        defaults.put("logging.level.org.axonframework.eventhandling.pooled", "WARN");
        // One JVM has one logging system: its application-name label would name one service on the
        // lines of both. Logger names (org.commitmenttracker.command/.query) tell them apart.
        defaults.put("logging.include-application-name", "false");
        // TRACKER_LOCAL_KAFKA=true: every event on an in-JVM Kafka broker (unless a real one is configured).
        LocalKafka kafka = null;
        if (Boolean.parseBoolean(env("TRACKER_LOCAL_KAFKA", "false")) && env("TRACKER_KAFKA_BOOTSTRAP_SERVERS", "").isEmpty()) {
            kafka = LocalKafka.start(Integer.parseInt(env("TRACKER_LOCAL_KAFKA_PORT", "9092")));
            defaults.put("TRACKER_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            defaults.put("logging.level.org.apache.kafka", "WARN");
            defaults.put("logging.level.kafka", "WARN");
        }

        // The migration step first, as a deployment runs it (the owner's password is only its own);
        // then the services, which hold their roles only.
        migrate(defaults, args);
        defaults.remove("TRACKER_OWNER_DB_PASSWORD");
        Map<String, Object> commandDefaults = new HashMap<>(defaults);
        commandDefaults.put("tracker.seed.fact-sheet", FACT_SHEET);
        ConfigurableApplicationContext commandService = local(CommandServiceApplication.builder(), commandDefaults)
                .run(args);
        ConfigurableApplicationContext queryService = local(QueryServiceApplication.builder(), defaults).run(args);
        return new LocalStack(postgres, kafka, commandService, queryService);
    }

    /**
     * Both services' migration steps ({@code migrate}), the command service's first (the event
     * store), with these properties (the database's URL and the owner's password) and {@code args}.
     */
    public static void migrate(Map<String, Object> properties, String... args) {
        SchemaMigration.run(local(CommandServiceApplication.migration(), properties), args);
        SchemaMigration.run(local(QueryServiceApplication.migration(), properties), args);
    }

    /**
     * The log's signing key of this data folder, made on its first start: a laptop's log signs
     * with its own key, kept beside its database (never in it).
     */
    static Path logSigningKey(Path dataDirectory) {
        Path file = dataDirectory.resolve("log-signing-key.pem");
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, Ed25519Keys.toPem(Ed25519Keys.generate().privateKey()));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // a file system without POSIX permissions: the folder's own protection applies
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the log signing key " + file, e);
        }
        return file;
    }

    private static SpringApplicationBuilder local(SpringApplicationBuilder service, Map<String, Object> defaults) {
        return service.profiles("local").properties(defaults);
    }

    private void printWhereThingsAre(Path dataDirectory) {
        String command = commandServiceUrl();
        String query = queryServiceUrl();
        String banner = """

                ============================================================
                 Commitment Tracker is running (local stack)
                   command service  %1$s   (writes; Swagger UI: %1$s/swagger-ui.html)
                   query service    %2$s   (reads;  Swagger UI: %2$s/swagger-ui.html)
                   for the public   %2$s/public/   (no login; IATI: %2$s/public/iati/activities.xml)
                   PostgreSQL 16    localhost:%3$d, database '%4$s', data in %5$s
                   users (HTTP Basic): officer/officer-local  auditor/auditor-local
                                       integrator/integrator-local  admin/admin-local
                                       metrics/metrics-local (Prometheus scrape only)
                   try:  curl -u officer:officer-local %2$s/api/commitments
                 Stop with Ctrl+C; the data stays for the next start.
                ============================================================
                """.formatted(command, query, postgres.port(), DATABASE, dataDirectory);
        System.out.println(banner);
        if (kafka != null) {
            System.out.println(kafka.banner());
        }
    }

    String commandServiceUrl() {
        return url(commandService);
    }

    String queryServiceUrl() {
        return url(queryService);
    }

    private static String url(ConfigurableApplicationContext service) {
        return "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() {
        queryService.close();
        commandService.close();
        if (kafka != null) {
            kafka.close();
        }
        postgres.close();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
