package org.commitmenttracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.commitmenttracker.events.integrity.IntegrityChain;
import org.commitmenttracker.postgres.TrackerDatabase;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.commitmenttracker.testsupport.TrackerHttp.Response;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commitmenttracker.system.Bodies.announcement;
import static org.commitmenttracker.system.Bodies.newId;

/** Both services on one database, through HTTP, as officers and integrators use them. */
class WholeSystemTest {

    private final RunningSystem system = RunningSystem.shared();
    private final TrackerHttp commands = system.commands();
    private final TrackerHttp queries = system.queries();

    @Test
    void announcedCommitmentIsReadBackWithMinVersion() {
        String id = newId();
        Response announced = commands.call("/api/commitments").as("officer").post(announcement(id));

        assertThat(announced.status()).isEqualTo(201);
        assertThat(announced.header("Location")).hasValueSatisfying(location -> assertThat(location).isEqualTo(
                "http://localhost:" + system.queryService.getEnvironment().getProperty("local.server.port")
                        + "/api/commitments/" + id));
        assertThat(announced.header("ETag")).contains("\"1\"");
        assertThat(announced.json().get("commitmentId").asText()).isEqualTo(id);
        assertThat(announced.json().get("version").asLong()).isEqualTo(1);
        assertThat(announced.json().get("eventIds")).hasSize(1);

        Response detail = queries.call("/api/commitments/" + id + "?minVersion=1").as("integrator").get();
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.json().get("title").asText()).isEqualTo("High-Level Economic Dialogue");
        assertThat(detail.json().get("status").asText()).isEqualTo("ANNOUNCED");
        assertThat(detail.json().get("version").asLong()).isEqualTo(1);
        assertThat(detail.json().get("parties")).extracting(JsonNode::asText).containsExactly("US", "MX");
    }

    @Test
    void commitmentWithoutAnIdGetsOneFromTheServer() {
        String body = announcement("x").replace("\"id\": \"x\", ", "");
        Response announced = commands.call("/api/commitments").as("officer").post(body);

        assertThat(announced.status()).isEqualTo(201);
        String id = announced.json().get("commitmentId").asText();
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(queries.call("/api/commitments/" + id + "?minVersion=1").as("officer").get().status()).isEqualTo(200);
    }

    @Test
    void announcingAnExistingIdIsAConflictAndRecordsNothing() {
        String id = newId();
        commands.call("/api/commitments").as("officer").post(announcement(id));

        Response again = commands.call("/api/commitments").as("officer").post(announcement(id));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("detail").asText()).contains(id);
        assertThat(eventCount(id)).isEqualTo(1);
    }

    @Test
    void listShowsTheAnnouncedCommitment() {
        String id = newId();
        commands.call("/api/commitments").as("officer").post(announcement(id));
        queries.call("/api/commitments/" + id + "?minVersion=1").as("officer").get();

        JsonNode page = queries.call("/api/commitments?category=ECONOMIC_DIALOGUE&size=200").as("auditor").get().json();

        assertThat(page.get("items")).extracting(item -> item.get("id").asText()).contains(id);
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(page.get("page").asInt()).isZero();
    }

    @Test
    void readOfAVersionNotYetReachedAnswers504() {
        String id = newId();
        commands.call("/api/commitments").as("officer").post(announcement(id));

        Response tooEarly = queries.call("/api/commitments/" + id + "?minVersion=5").as("officer").get();

        assertThat(tooEarly.status()).isEqualTo(504);
        assertThat(tooEarly.contentType()).startsWith("application/problem+json");
    }

    @Test
    void eventsCarryTheActorTheCorrelationIdAndTheIntegrityChain() throws SQLException {
        String id = newId();
        commands.call("/api/commitments").as("officer").header("X-Correlation-Id", "corr-42").post(announcement(id));

        try (Connection owner = system.ownerConnection();
             Statement statement = owner.createStatement();
             ResultSet row = statement.executeQuery("SELECT event_identifier, time_stamp, payload, meta_data "
                     + "FROM events.domain_event_entry WHERE aggregate_identifier = '" + id + "'")) {
            assertThat(row.next()).isTrue();
            JsonNode payload = IntegrityChain.parse(row.getBytes("payload"));
            JsonNode metaData = IntegrityChain.parse(row.getBytes("meta_data"));
            assertThat(metaData.get("actor").asText()).isEqualTo("officer");
            assertThat(metaData.get("correlationId").asText()).isEqualTo("corr-42");
            assertThat(metaData.get("previousHash").asText()).isEqualTo(IntegrityChain.GENESIS);
            assertThat(metaData.get(IntegrityChain.VERSION_KEY).asInt()).isEqualTo(2);
            String recomputed = IntegrityChain.hashV2(IntegrityChain.GENESIS, new IntegrityChain.Identity(
                    row.getString("event_identifier"), id, 1, Instant.parse(row.getString("time_stamp"))),
                    new IntegrityChain.Link(
                    "CommitmentAnnounced", "1", java.time.LocalDate.parse("2021-06-08"), "officer", payload));
            assertThat(metaData.get("hash").asText()).isEqualTo(recomputed);
            assertThat(payload.has("actor")).isFalse();
        }
    }

    @Test
    void servicesCannotRewriteOrDeleteEvents() throws SQLException {
        String id = newId();
        commands.call("/api/commitments").as("officer").post(announcement(id));
        var credentials = system.database.credentials();

        for (String[] role : new String[][]{{TrackerDatabase.COMMAND_ROLE, credentials.commandPassword()},
                {TrackerDatabase.QUERY_ROLE, credentials.queryPassword()},
                {TrackerDatabase.OWNER_ROLE, credentials.ownerPassword()}}) {
            try (Connection connection = connect(role[0], role[1]); Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.executeUpdate("UPDATE events.domain_event_entry SET payload_type = 'x' "
                        + "WHERE aggregate_identifier = '" + id + "'")).as(role[0]).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM events.domain_event_entry "
                        + "WHERE aggregate_identifier = '" + id + "'")).as(role[0]).isInstanceOf(SQLException.class);
            }
        }
        try (Connection query = connect(TrackerDatabase.QUERY_ROLE, credentials.queryPassword());
             Statement statement = query.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO events.domain_event_entry "
                    + "SELECT * FROM events.domain_event_entry LIMIT 1")).isInstanceOf(SQLException.class);
        }
        assertThat(eventCount(id)).isEqualTo(1);
    }

    @Test
    void refusalsAreProblemDocuments() {
        Response anonymous = commands.call("/api/commitments").post(announcement(newId()));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");

        Response wrongPassword = queries.call("/api/commitments").as("officer", "guess").get();
        assertThat(wrongPassword.status()).isEqualTo(401);

        Response auditorWrites = commands.call("/api/commitments").as("auditor").post(announcement(newId()));
        assertThat(auditorWrites.status()).isEqualTo(403);
        assertThat(auditorWrites.contentType()).startsWith("application/problem+json");

        Response wrongType = commands.call("/api/commitments").as("officer").post(announcement(newId()), "text/plain");
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.contentType()).startsWith("application/problem+json");

        Response malformed = commands.call("/api/commitments").as("officer").post("{\"title\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");

        Response unknown = queries.call("/api/commitments/no-such-commitment").as("officer").get();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void invalidFieldsAreNamedAndNothingIsRecorded() {
        String id = newId();
        String body = announcement(id).replace("\"title\": \"High-Level Economic Dialogue\"", "\"title\": \"HLED\\u0000\"")
                .replace("\"category\": \"ECONOMIC_DIALOGUE\"", "\"category\": \"ECONOMIC_DIALOGUE\", \"parties\": []")
                .replace("\"parties\": [\"US\", \"MX\"], ", "");

        Response invalid = commands.call("/api/commitments").as("officer").post(body);

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors")).extracting(error -> error.get("field").asText())
                .containsExactlyInAnyOrder("title", "parties");
        assertThat(eventCount(id)).isZero();
    }

    @Test
    void announcementDatedInTheFutureIsRefused() {
        String id = newId();
        String body = announcement(id).replace("2021-06-08", "2999-01-01").replace("\"dueBy\": \"2021-09-30\", ", "");

        Response refused = commands.call("/api/commitments").as("officer").post(body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asText()).contains("future");
        assertThat(eventCount(id)).isZero();
    }

    @Test
    void healthIsOpenAndMetricsAreForAdmins() {
        assertThat(queries.call("/actuator/health").get().status()).isEqualTo(200);
        assertThat(commands.call("/actuator/health").get().status()).isEqualTo(200);
        assertThat(queries.call("/actuator/prometheus").as("officer").get().status()).isEqualTo(403);
        assertThat(queries.call("/actuator/prometheus").as("admin").get().status()).isEqualTo(200);
    }

    private long eventCount(String id) {
        return system.eventCount(id);
    }

    private Connection connect(String user, String password) throws SQLException {
        return system.connect(user, password);
    }
}
