package org.commitmenttracker.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Provisions the tracker's database on a PostgreSQL server where we hold a superuser: the
 * database, one owner role that runs the migrations and owns every table, and one runtime role
 * per service. The services never own their tables, so they cannot switch off the append-only
 * trigger of the event store, and the query service's role may only read the event tables.
 * Idempotent: running it again on a provisioned server changes nothing.
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

    public void provision(String database, Credentials credentials) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database name must be a lower-case identifier: " + database);
        }
        try (Connection server = connect("postgres")) {
            ensureRole(server, OWNER_ROLE, credentials.ownerPassword());
            ensureRole(server, COMMAND_ROLE, credentials.commandPassword());
            ensureRole(server, QUERY_ROLE, credentials.queryPassword());
            if (!exists(server, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                execute(server, "CREATE DATABASE " + database + " OWNER " + OWNER_ROLE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot provision the server at " + serverUrl, e);
        }
        try (Connection db = connect(database)) {
            execute(db, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            execute(db, "REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
            execute(db, "GRANT CONNECT ON DATABASE " + database + " TO "
                    + OWNER_ROLE + ", " + COMMAND_ROLE + ", " + QUERY_ROLE);
            for (String schema : new String[]{"events", "command", "query"}) {
                execute(db, "CREATE SCHEMA IF NOT EXISTS " + schema + " AUTHORIZATION " + OWNER_ROLE);
            }
            execute(db, "GRANT USAGE ON SCHEMA events TO " + COMMAND_ROLE + ", " + QUERY_ROLE);
            execute(db, "GRANT USAGE ON SCHEMA command TO " + COMMAND_ROLE);
            execute(db, "GRANT USAGE ON SCHEMA query TO " + QUERY_ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot provision database " + database, e);
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

    private static void ensureRole(Connection connection, String role, String password) throws SQLException {
        String quotedPassword = "'" + password.replace("'", "''") + "'";
        if (exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
            execute(connection, "ALTER ROLE " + role + " LOGIN PASSWORD " + quotedPassword);
        } else {
            execute(connection, "CREATE ROLE " + role + " LOGIN PASSWORD " + quotedPassword);
        }
    }

    private static boolean exists(Connection connection, String sql, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, value);
            return statement.executeQuery().next();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
