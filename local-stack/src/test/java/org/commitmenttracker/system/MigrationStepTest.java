package org.commitmenttracker.system;

import org.commitmenttracker.command.CommandServiceApplication;
import org.commitmenttracker.postgres.TrackerDatabase;
import org.commitmenttracker.query.QueryServiceApplication;
import org.commitmenttracker.service.schema.SchemaBehindException;
import org.commitmenttracker.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 15, finding 10: migrations are a step of their own ({@code migrate}), the only holder of
 * the owner's password. The running services hold their own roles, which cannot rewrite the
 * event store, and refuse to start on a schema the step has not brought up to date.
 */
class MigrationStepTest {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @ParameterizedTest(name = "the command service''s role may not: {0}")
    @ValueSource(strings = {
            "ALTER TABLE events.domain_event_entry DISABLE TRIGGER domain_event_entry_append_only",
            "ALTER TABLE events.domain_event_entry DISABLE TRIGGER ALL",
            "ALTER TABLE events.domain_event_entry ADD COLUMN rewritten boolean",
            "DROP TRIGGER domain_event_entry_append_only ON events.domain_event_entry",
            "DELETE FROM events.domain_event_entry WHERE aggregate_identifier = '%s'",
            "UPDATE events.domain_event_entry SET payload = payload WHERE aggregate_identifier = '%s'",
            "TRUNCATE events.domain_event_entry"})
    void theCommandServicesRoleCannotRewriteTheEventStore(String statement) throws SQLException {
        RunningSystem system = RunningSystem.shared();
        String id = Bodies.newId();
        new Officer(system.commands()).post("/api/commitments", Bodies.announcement(id));

        try (Connection command = system.connect(TrackerDatabase.COMMAND_ROLE,
                system.database.credentials().commandPassword()); Statement sql = command.createStatement()) {
            assertThatThrownBy(() -> sql.execute(statement.formatted(id)))
                    .isInstanceOfSatisfying(SQLException.class, refused ->
                            assertThat(refused.getSQLState()).as(refused.getMessage()).isEqualTo(INSUFFICIENT_PRIVILEGE));
        }

        assertThat(system.eventCount(id)).isEqualTo(1);
        try (Connection owner = system.ownerConnection(); PreparedStatement trigger = owner.prepareStatement(
                "SELECT tgenabled FROM pg_trigger WHERE tgname = 'domain_event_entry_append_only'");
             ResultSet row = trigger.executeQuery()) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).as("the append-only trigger, still enabled").isEqualTo("O");
        }
    }

    @Test
    void noRunningServiceHoldsTheOwnersPassword() {
        RunningSystem system = RunningSystem.shared();
        String ownerPassword = system.database.credentials().ownerPassword();
        for (ConfigurableApplicationContext service : List.of(system.commandService, system.queryService)) {
            ConfigurableEnvironment environment = service.getEnvironment();
            String name = environment.getProperty("spring.application.name");
            List<String> holding = new ArrayList<>();
            environment.getPropertySources().forEach(source -> {
                if (source instanceof EnumerablePropertySource<?> enumerable) {
                    for (String property : enumerable.getPropertyNames()) {
                        if (String.valueOf(enumerable.getProperty(property)).contains(ownerPassword)) {
                            holding.add(source.getName() + ": " + property);
                        }
                    }
                }
            });
            assertThat(holding).as(name + ": properties holding the owner's password").isEmpty();
            assertThat(environment.getProperty("spring.flyway.user")).as(name).isNull();
            assertThat(environment.getProperty("spring.flyway.password")).as(name).isNull();
            // Flyway checks the schema through the service's own pool, as the service's role.
            try (Connection connection = service.getBean(Flyway.class).getConfiguration().getDataSource().getConnection();
                 Statement sql = connection.createStatement(); ResultSet user = sql.executeQuery("SELECT current_user")) {
                user.next();
                assertThat(user.getString(1)).as(name).isNotEqualTo(TrackerDatabase.OWNER_ROLE)
                        .isIn(TrackerDatabase.COMMAND_ROLE, TrackerDatabase.QUERY_ROLE);
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void aServiceRefusesToStartUntilTheMigrateCommandOfItsJarHasRun() throws Exception {
        TestDatabase.Database database = TestDatabase.newDatabase();

        assertThatThrownBy(() -> RunningSystem.start(CommandServiceApplication.builder(),
                database.commandServiceProperties()))
                .hasRootCauseInstanceOf(SchemaBehindException.class)
                .rootCause().hasMessageContaining("'command'").hasMessageContaining("migrations not applied: 1, 2, ");

        for (Class<?> service : List.of(CommandServiceApplication.class, QueryServiceApplication.class)) {
            Process migrate = migrateCommand(service, database);
            assertThat(migrate.waitFor(180, TimeUnit.SECONDS)).as(service.getSimpleName() + " migrate exits").isTrue();
            assertThat(migrate.exitValue()).as(service.getSimpleName() + " migrate's exit status").isZero();
        }

        try (ConfigurableApplicationContext commandService = RunningSystem.start(CommandServiceApplication.builder(),
                database.commandServiceProperties())) {
            String id = Bodies.newId();
            assertThat(new Officer(RunningSystem.http(commandService)).post("/api/commitments", Bodies.announcement(id))
                    .get("version").asLong()).isEqualTo(1);
        }
    }

    /** {@code java <service> migrate} in a JVM of its own, configured as a deployment is: by its environment. */
    private static Process migrateCommand(Class<?> service, TestDatabase.Database database) throws Exception {
        ProcessBuilder process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daxoniq.update-checker.disabled=true", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                service.getName(), "migrate");
        database.migrationProperties().forEach((name, value) -> process.environment().put(name, String.valueOf(value)));
        File log = Path.of("target", "migrate-" + service.getSimpleName() + ".log").toFile();
        return process.redirectErrorStream(true).redirectOutput(log).start();
    }
}
