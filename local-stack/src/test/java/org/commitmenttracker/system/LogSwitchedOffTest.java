package org.commitmenttracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.commitmenttracker.command.CommandServiceApplication;
import org.commitmenttracker.query.QueryServiceApplication;
import org.commitmenttracker.testsupport.TestDatabase;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code tracker.log.enabled=false}, the bench's switch for measuring what the log costs
 * (BENCHMARKS.md): the feed is numbered as ever, the tree gets no leaf and nothing is signed, the
 * log's reads and the export are 404 problems, {@code /api/integrity} checks the chains alone.
 * Switched on again, the next event gives the tree every leaf it missed and a checkpoint covers all.
 */
class LogSwitchedOffTest {

    private static final List<String> LOG_READS = List.of("/api/log/checkpoint", "/api/log/checkpoints",
            "/api/log/key", "/api/log/proofs/inclusion?position=1&treeSize=1",
            "/api/log/proofs/consistency?from=1&to=1");

    @Test
    void withTheLogOffTheFeedIsNumberedNoLeafIsKeptAndTheLogsReadsAreProblemsAndOnAgainItCatchesUp()
            throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        TestDatabase.Database database = RunningSystem.newDatabase();
        ConfigurableApplicationContext commandService = RunningSystem.start(CommandServiceApplication.builder(),
                database.commandServiceProperties());
        ConfigurableApplicationContext queryService = null;
        try {
            Officer officer = new Officer(RunningSystem.http(commandService));
            queryService = startQueryService(database, false);
            TrackerHttp queries = RunningSystem.http(queryService);
            commitment(officer);
            commitment(officer);

            awaitFeed(queries, 4);
            assertThat(count(database, "query.log_node")).as("leaves and nodes of the tree").isZero();
            // a signer would have signed within its 100 ms interval by now
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                    .until(() -> count(database, "query.log_checkpoint") == 0);
            for (String path : LOG_READS) {
                assertNoLog(queries.call(path).get(), path);
            }
            assertNoLog(queries.call("/api/export").as("auditor").get(), "/api/export");
            JsonNode integrity = queries.call("/api/integrity").as("auditor").get().json();
            assertThat(integrity.get("checked").asLong()).isEqualTo(2);
            assertThat(integrity.get("valid").asBoolean()).as(integrity.toString()).isTrue();
            assertThat(integrity.path("log").isMissingNode() || integrity.get("log").isNull())
                    .as("no log part: " + integrity).isTrue();

            queryService.close();
            queryService = startQueryService(database, true);
            queries = RunningSystem.http(queryService);
            commitment(officer);
            awaitFeed(queries, 6);
            TrackerHttp onAgain = queries;
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                    onAgain.call("/api/log/checkpoints?from=6").get().json().size() > 0);
            assertThat(count(database, "query.log_node WHERE level = 0")).as("leaves").isEqualTo(6);
            JsonNode checked = queries.call("/api/integrity").as("auditor").get().json();
            assertThat(checked.get("valid").asBoolean()).as(checked.toString()).isTrue();
            assertThat(checked.get("log").get("treeSize").asLong()).isEqualTo(6);
            assertThat(checked.get("log").get("checkpointSize").asLong()).isEqualTo(6);
        } finally {
            if (queryService != null) {
                queryService.close();
            }
            commandService.close();
        }
    }

    private static ConfigurableApplicationContext startQueryService(TestDatabase.Database database, boolean log) {
        Map<String, Object> properties = new HashMap<>(database.queryServiceProperties());
        properties.put("tracker.log.enabled", log);
        properties.put("tracker.log.checkpoint-interval", "100ms");
        return RunningSystem.start(QueryServiceApplication.builder(), properties);
    }

    private static void commitment(Officer officer) {
        String id = Bodies.newId();
        officer.post("/api/commitments", Bodies.announcement(id));
        officer.post("/api/commitments/" + id + "/pledges", Bodies.pledge("p-1", "1000.00", "USD"));
    }

    /** Until the feed numbers positions 1 to {@code head}, each once. */
    private static void awaitFeed(TrackerHttp queries, long head) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode events = queries.call("/api/events?after=0&limit=1000").as("integrator").get().json().get("events");
            assertThat(StreamSupport.stream(events.spliterator(), false).map(event -> event.get("position").asLong()))
                    .containsExactly(java.util.stream.LongStream.rangeClosed(1, head).boxed().toArray(Long[]::new));
        });
    }

    private static void assertNoLog(TrackerHttp.Response response, String path) {
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(404);
        assertThat(response.contentType()).as(path).startsWith("application/problem+json");
        assertThat(response.json().get("title").asText()).as(path).isEqualTo("No log on this instance");
        assertThat(response.json().get("detail").asText()).as(path).contains("tracker.log.enabled");
    }

    private static long count(TestDatabase.Database database, String tableAndCondition) throws SQLException {
        try (Connection connection = database.superuserConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + tableAndCondition)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
