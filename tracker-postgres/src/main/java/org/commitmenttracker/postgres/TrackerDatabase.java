package org.commitmenttracker.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Provisions the tracker's database on a PostgreSQL server where we hold a superuser: the
 * database, one owner role that runs the migrations and owns every table, and one runtime role
 * per service. The services never own their tables, so they cannot switch off the append-only
 * trigger of the event store, and the query service's role may only read the event tables.
 * Idempotent: running it again on a provisioned server changes nothing. What it runs is
 * {@code provision.sql}, the same script psql runs in the postgres container.
 */
public final class TrackerDatabase {

    public static final String OWNER_ROLE = "tracker_owner";
    public static final String COMMAND_ROLE = "tracker_command";
    public static final String QUERY_ROLE = "tracker_query";

    private final String serverUrl;
    private final String superuser;
    private final String superuserPassword;

    /**
     * @param serverUrl a JDBC URL of the server without a database name, e.g.
     *                  {@code jdbc:postgresql://localhost:5432/}
     */
    public TrackerDatabase(String serverUrl, String superuser, String superuserPassword) {
        this.serverUrl = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
        this.superuser = superuser;
        this.superuserPassword = superuserPassword;
    }

    /** The passwords of the three roles. */
    public record Credentials(String ownerPassword, String commandPassword, String queryPassword) {
        /** The fixed passwords of the local stack and the tests; never used on a server. */
        public static Credentials local() {
            return new Credentials("owner-local", "command-local", "query-local");
        }
    }

    public String jdbcUrl(String database) {
        return serverUrl + database;
    }

    /** The provisioning script, written once for psql (deploy/postgres/10-tracker.sh) and for this class. */
    public static final String SCRIPT = "provision.sql";

    public void provision(String database, Credentials credentials) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database name must be a lower-case identifier: " + database);
        }
        Map<String, String> variables = Map.of("database", database,
                "owner_password", credentials.ownerPassword(),
                "command_password", credentials.commandPassword(),
                "query_password", credentials.queryPassword());
        Connection connection = null;
        try {
            connection = connect("postgres");
            for (String statement : PsqlScript.statements(script(), variables)) {
                if (statement.startsWith("\\connect ")) {
                    connection.close();
                    connection = connect(PsqlScript.unquote(statement.substring("\\connect ".length()).trim()));
                } else if (statement.endsWith("\\gexec")) {
                    for (String generated : query(connection, statement.substring(0, statement.length() - 6))) {
                        execute(connection, generated);
                    }
                } else {
                    execute(connection, statement);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot provision database " + database + " at " + serverUrl, e);
        } finally {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // nothing left to do with it
                }
            }
        }
    }

    /** The server's JDBC URL without a database, e.g. {@code jdbc:postgresql://localhost:5432/}. */
    public String serverUrl() {
        return serverUrl;
    }

    /** The superuser this class provisions as (tests run the provisioning script with psql as it). */
    public String superuser() {
        return superuser;
    }

    public String superuserPassword() {
        return superuserPassword;
    }

    private static String script() {
        try (InputStream in = TrackerDatabase.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("missing " + SCRIPT + " next to " + TrackerDatabase.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A connection to {@code database} as the server's superuser, who may do what no role of the
     * tracker may (tests use it to play the intruder who rewrites a stored event).
     */
    public Connection connectAsSuperuser(String database) throws SQLException {
        return connect(database);
    }

    private Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", superuser);
        if (superuserPassword != null) {
            properties.setProperty("password", superuserPassword);
        }
        return DriverManager.getConnection(serverUrl + database, properties);
    }

    private static List<String> query(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
