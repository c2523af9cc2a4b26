package org.commitmenttracker.local;

import org.commitmenttracker.postgres.TrackerDatabase;
import org.commitmenttracker.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The postgres container's init script (deploy/postgres/10-tracker.sh, psql running
 * provision.sql) against the tests' PostgreSQL: it makes the database the services expect, with
 * the roles TrackerDatabase names and the same rights, and a second run changes nothing.
 */
class ProvisioningScriptTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path INIT_SCRIPT = ROOT.resolve("deploy/postgres/10-tracker.sh");
    private static final Path SQL = ROOT.resolve("tracker-postgres/src/main/resources/org/commitmenttracker/postgres/"
            + TrackerDatabase.SCRIPT);

    @Test
    void theContainersInitScriptProvisionsWhatTheServicesExpect() throws Exception {
        assumeThat(onPath("psql")).as("psql installed").isTrue();
        assertThat(INIT_SCRIPT).exists();
        assertThat(SQL).exists();
        TrackerDatabase server = TestDatabase.newDatabase().server();
        String database = "script_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        TrackerDatabase.Credentials passwords = TrackerDatabase.Credentials.local();

        assertThat(runInitScript(server, database, passwords)).as("first run").isEqualTo(0);
        assertThat(runInitScript(server, database, passwords)).as("second run").isEqualTo(0);

        String url = server.serverUrl() + database;
        try (Connection owner = DriverManager.getConnection(url, TrackerDatabase.OWNER_ROLE, passwords.ownerPassword());
             Connection command = DriverManager.getConnection(url, TrackerDatabase.COMMAND_ROLE, passwords.commandPassword());
             Connection query = DriverManager.getConnection(url, TrackerDatabase.QUERY_ROLE, passwords.queryPassword())) {
            assertThat(column(owner, "SELECT nspname || ':' || pg_get_userbyid(nspowner) FROM pg_namespace "
                    + "WHERE nspname IN ('events', 'command', 'query') ORDER BY nspname"))
                    .containsExactly("command:tracker_owner", "events:tracker_owner", "query:tracker_owner");
            assertThat(column(owner, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"))
                    .containsExactly(TrackerDatabase.OWNER_ROLE);
            execute(owner, "CREATE TABLE events.probe (id int)");
            assertThatThrownBy(() -> execute(query, "CREATE TABLE events.intruder (id int)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> execute(command, "CREATE TABLE public.intruder (id int)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> execute(query, "SELECT * FROM command.nothing"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
    }

    private static int runInitScript(TrackerDatabase server, String database, TrackerDatabase.Credentials passwords)
            throws Exception {
        URI address = URI.create(server.serverUrl().substring("jdbc:".length()));
        ProcessBuilder process = new ProcessBuilder("bash", INIT_SCRIPT.toString()).redirectErrorStream(true);
        Map<String, String> env = process.environment();
        env.put("PGHOST", address.getHost());
        env.put("PGPORT", String.valueOf(address.getPort()));
        if (server.superuserPassword() != null) {
            env.put("PGPASSWORD", server.superuserPassword());
        }
        env.put("POSTGRES_USER", server.superuser());
        env.put("TRACKER_DATABASE", database);
        env.put("TRACKER_PROVISION_SQL", SQL.toString());
        env.put("TRACKER_OWNER_DB_PASSWORD", passwords.ownerPassword());
        env.put("TRACKER_COMMAND_DB_PASSWORD", passwords.commandPassword());
        // a password from a file, as Docker secrets give it
        Path queryPassword = Files.createTempFile("query-password", "");
        Files.writeString(queryPassword, passwords.queryPassword());
        env.put("TRACKER_QUERY_DB_PASSWORD_FILE", queryPassword.toString());
        Process running = process.start();
        String output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(running.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Files.delete(queryPassword);
        if (running.exitValue() != 0) {
            System.out.println(output);
        }
        return running.exitValue();
    }

    private static boolean onPath(String command) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> column(Connection connection, String sql) throws SQLException {
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
