package org.commitmenttracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.commitmenttracker.testsupport.TrackerHttp.Response;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator and a monitoring system see: Prometheus scrapes with Axon's meters and the
 * read models' lag, a scrape role that may read metrics and nothing else, build information
 * without credentials, and a correlation id echoed on every answer and kept in the events.
 */
class OperationsTest {

    private final RunningSystem system = RunningSystem.shared();

    @Test
    void theCommandServiceScrapeHasCommandLatencyPerCommandType() {
        String id = "ops-metrics-" + System.nanoTime();
        assertThat(system.commands().call("/api/commitments").as("officer").post(Bodies.announcement(id)).status())
                .isEqualTo(201);

        Response scrape = system.commands().call("/actuator/prometheus").as("metrics").get();

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).containsPattern(
                "(?m)^commandBus_\\w*(seconds|Timer)\\w*\\{.*payloadType=\"\\S*AnnounceCommitment\"");
    }

    @Test
    void theQueryServiceScrapeHasEachReadModelsLagAndDeadLettersAndTheLogSize() {
        String id = "ops-lag-" + System.nanoTime();
        assertThat(system.commands().call("/api/commitments").as("officer").post(Bodies.announcement(id)).status())
                .isEqualTo(201);
        assertThat(system.queries().call("/api/commitments/" + id + "?minVersion=1").as("officer").get().status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String scrape = system.queries().call("/actuator/prometheus").as("metrics").get().body();
            for (String projection : new String[]{"commitments", "timeline", "feed"}) {
                assertThat(scrape).containsPattern("(?m)^tracker_projection_lag\\{.*projection=\"" + projection + "\".*} \\d");
                assertThat(scrape).containsPattern(
                        "(?m)^tracker_projection_dead_letters\\{.*projection=\"" + projection + "\".*} \\d");
            }
            assertThat(scrape).containsPattern("(?m)^tracker_events_stored(\\{.*})? [1-9]");
            // Axon's own: how far behind each processor is
            assertThat(scrape).containsPattern("(?m)^eventProcessor_latency\\{.*processorName=\"commitments\"");
        });
    }

    @Test
    void theGrafanaDashboardAsksOnlyForMetersTheServicesExport() throws Exception {
        String id = "ops-dashboard-" + System.nanoTime();
        assertThat(system.commands().call("/api/commitments").as("officer").post(Bodies.announcement(id)).status())
                .isEqualTo(201);
        assertThat(system.queries().call("/api/commitments/" + id + "?minVersion=1").as("officer").get().status())
                .isEqualTo(200);
        JsonNode dashboard = new ObjectMapper().readTree(
                Path.of("..", "deploy", "grafana", "dashboards", "commitment-tracker.json").toFile());
        Set<String> meters = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher names = Pattern.compile("\\b((?:commandBus|eventProcessor|tracker|http_server)_\\w+)")
                        .matcher(target.path("expr").asText());
                while (names.find()) {
                    meters.add(names.group(1));
                }
            }
        }
        assertThat(meters).contains("commandBus_allTimer_seconds_count", "tracker_projection_lag",
                "tracker_projection_dead_letters");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String scrapes = system.commands().call("/actuator/prometheus").as("metrics").get().body()
                    + system.queries().call("/actuator/prometheus").as("metrics").get().body();
            for (String meter : meters) {
                assertThat(scrapes).as(meter).containsPattern("(?m)^" + meter + "[{ ]");
            }
        });
    }

    @Test
    void theScrapeRoleMayReadMetricsAndNothingElse() {
        assertThat(system.queries().call("/actuator/prometheus").get().status()).isEqualTo(401);
        assertThat(system.queries().call("/actuator/prometheus").as("officer").get().status()).isEqualTo(403);
        assertThat(system.queries().call("/actuator/prometheus").as("admin").get().status()).isEqualTo(200);
        assertThat(system.queries().call("/api/commitments").as("metrics").get().status()).isEqualTo(403);
        assertThat(system.commands().call("/api/commitments").as("metrics").post(Bodies.announcement("ops-no")).status())
                .isEqualTo(403);
        assertThat(system.queries().call("/api/projections").as("metrics").get().status()).isEqualTo(403);
    }

    @Test
    void infoShowsWhichBuildAnswersWithoutCredentials() {
        for (TrackerHttp service : new TrackerHttp[]{system.commands(), system.queries()}) {
            Response info = service.call("/actuator/info").get();
            assertThat(info.status()).isEqualTo(200);
            assertThat(info.json().path("build").path("version").asText()).isEqualTo("0.1.0-SNAPSHOT");
            assertThat(info.json().path("build").path("group").asText()).isEqualTo("org.commitmenttracker");
        }
        assertThat(system.commands().call("/actuator/info").get().json().path("build").path("artifact").asText())
                .isEqualTo("command-service");
        assertThat(system.queries().call("/actuator/info").get().json().path("build").path("artifact").asText())
                .isEqualTo("query-service");
    }

    @Test
    void readinessAndLivenessAreUpWhenTheDatabaseIs() {
        for (TrackerHttp service : new TrackerHttp[]{system.commands(), system.queries()}) {
            Response readiness = service.call("/actuator/health/readiness").get();
            assertThat(readiness.status()).isEqualTo(200);
            assertThat(readiness.json().path("status").asText()).isEqualTo("UP");
            assertThat(service.call("/actuator/health/liveness").get().status()).isEqualTo(200);
        }
    }

    @Test
    void theCallersCorrelationIdIsEchoedAndKeptInTheEvent() throws Exception {
        String id = "ops-correlation-" + System.nanoTime();
        Response created = system.commands().call("/api/commitments").as("officer")
                .header("X-Correlation-Id", "ticket-4711").post(Bodies.announcement(id));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("X-Correlation-Id")).contains("ticket-4711");
        assertThat(correlationIdOfFirstEvent(id)).isEqualTo("ticket-4711");
    }

    @Test
    void withoutACorrelationIdTheAnswerNamesTheOneTheEventsGot() throws Exception {
        String id = "ops-generated-" + System.nanoTime();
        Response created = system.commands().call("/api/commitments").as("officer").post(Bodies.announcement(id));

        assertThat(created.status()).isEqualTo(201);
        String echoed = created.header("X-Correlation-Id").orElseThrow();
        assertThat(echoed).isNotBlank();
        assertThat(correlationIdOfFirstEvent(id)).isEqualTo(echoed);
        // reads and refusals carry one too
        assertThat(system.queries().call("/api/commitments").get().header("X-Correlation-Id")).isPresent();
        assertThat(system.queries().call("/api/commitments").as("officer").header("X-Correlation-Id", "read-1").get()
                .header("X-Correlation-Id")).contains("read-1");
    }

    private String correlationIdOfFirstEvent(String commitmentId) throws Exception {
        try (Connection owner = system.ownerConnection();
             PreparedStatement statement = owner.prepareStatement("SELECT convert_from(meta_data, 'UTF8')::jsonb "
                     + "->> 'correlationId' FROM events.domain_event_entry WHERE aggregate_identifier = ? "
                     + "AND sequence_number = 0")) {
            statement.setString(1, commitmentId);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        }
    }
}
