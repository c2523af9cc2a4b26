package org.commitmenttracker.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.commitmenttracker.testsupport.TestDatabase;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.commitmenttracker.testsupport.TrackerHttp.Response;

/** What the read-model tests share: an officer logging facts, and how to compare read models. */
final class ReadModelFixtures {

    static final List<String> PROJECTIONS = List.of("commitments", "timeline");
    private static final List<String> TABLES = List.of("commitment", "applied_version", "timeline_entry",
            "timeline_name", "dialogue");

    private ReadModelFixtures() {
    }

    /** Posts a command as an officer; answers the commitment's version after it. */
    static long command(TrackerHttp commands, String path, String body) {
        Response response = commands.call(path).as("officer").post(body);
        assertThat(response.status()).as(path + " " + response.body()).isBetween(200, 201);
        return response.json().get("version").asLong();
    }

    /** About fifty events per commitment, of every kind, logged by a few officers at once. */
    static void logAYearOfFacts(TrackerHttp commands, List<String> ids) throws Exception {
        ExecutorService officers = Executors.newFixedThreadPool(6);
        try {
            for (Future<?> done : officers.invokeAll(ids.stream().<Callable<Object>>map(id -> () -> {
                logAYearOfFacts(commands, id);
                return id;
            }).toList())) {
                done.get();
            }
        } finally {
            officers.shutdown();
        }
    }

    private static void logAYearOfFacts(TrackerHttp commands, String id) {
        String base = "/api/commitments/" + id;
        command(commands, "/api/commitments", Bodies.announcement(id)
                .replace("\"dueBy\": \"2021-09-30\"", "\"dueBy\": \"2023-09-30\""));
        command(commands, base + "/pledges", """
                {"pledgeId": "p-1", "amount": {"value": "1000000.00", "currency": "USD"}, "periodFrom": "2021-06-08",
                 "periodTo": "2024-06-07", "fundingSource": "Department of Labor", "occurredOn": "2021-06-08"}""");
        command(commands, base + "/obligations", """
                {"obligationId": "award-1", "amount": {"value": "500000.00", "currency": "USD"},
                 "obligatedOn": "2021-07-01", "implementingPartner": "ILO"}""");
        for (int m = 1; m <= 3; m++) {
            command(commands, base + "/milestones", """
                    {"milestoneId": "m-%d", "description": "Milestone %d", "dueBy": "2022-0%d-01",
                     "occurredOn": "2021-06-08"}""".formatted(m, m, m));
        }
        command(commands, base + "/milestones/m-1/mark-achieved", """
                {"achievedOn": "2021-12-20", "note": "On time"}""");
        command(commands, base + "/indicators", """
                {"indicatorId": "cases", "name": "Cases resolved", "unit": "cases", "baseline": 0, "target": 1000,
                 "occurredOn": "2021-06-08"}""");
        for (int k = 1; k <= 10; k++) {
            command(commands, base + "/indicators/cases/measurements", """
                    {"measurementId": "q-%d", "value": %d, "measuredOn": "%s", "source": "Report"}"""
                    .formatted(k, k * 37, LocalDate.of(2021, 7, 28).plusMonths(k - 1)));
        }
        command(commands, base + "/dialogues", """
                {"dialogueId": "round-1", "name": "Round one", "plannedFrom": "2021-09-01", "plannedTo": "2021-09-30",
                 "occurredOn": "2021-06-08"}""");
        command(commands, base + "/dialogues", """
                {"dialogueId": "round-2", "name": "Round two", "plannedFrom": "2022-03-01", "plannedTo": "2022-03-02",
                 "occurredOn": "2021-06-08"}""");
        command(commands, base + "/dialogues/round-1/mark-held", """
                {"heldOn": "2021-09-09", "location": "Washington"}""");
        command(commands, base + "/dialogues/round-2/cancel", """
                {"reason": "Merged into round one", "occurredOn": "2021-10-01"}""");
        for (int d = 1; d <= 20; d++) {
            command(commands, base + "/disbursements", """
                    {"disbursementId": "v-%d", "amount": {"value": "%d.50", "currency": "USD"},
                     "disbursedOn": "2021-%02d-15", "recipient": "ILO"}""".formatted(d, 1000 + d, 7 + d % 6));
            if (d % 4 == 0) {
                command(commands, base + "/disbursements/v-" + d + "/reverse", """
                        {"reason": "Returned", "reversedOn": "2022-01-10"}""");
            }
        }
        command(commands, base + "/assessments", """
                {"rating": "IN_PROGRESS", "rationale": "Under way", "assessedOn": "2021-12-01"}""");
        command(commands, base + "/evidence", """
                {"evidenceId": "report", "title": "Annual report", "url": "https://example.org/report.pdf",
                 "capturedOn": "2022-01-15"}""");
    }

    /** Waits until every projection has processed the whole event store and none is replaying. */
    static void awaitCaughtUp(TrackerHttp queries) {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode projections = queries.call("/api/projections").as("admin").get().json();
            assertThat(projections).hasSizeGreaterThanOrEqualTo(PROJECTIONS.size()).allSatisfy(projection -> {
                assertThat(projection.get("replaying").asBoolean()).as(projection.toString()).isFalse();
                assertThat(projection.get("lag").asLong()).as(projection.toString()).isZero();
                assertThat(projection.get("status").asText()).isEqualTo("RUNNING");
            });
        });
    }

    /** Whether any processor is replaying, as {@code /api/projections} says. */
    static boolean replaying(TrackerHttp queries) {
        JsonNode projections = queries.call("/api/projections").as("admin").get().json();
        return StreamSupport.stream(projections.spliterator(), false)
                .anyMatch(projection -> projection.get("replaying").asBoolean());
    }

    static void replayAll(TrackerHttp queries) {
        for (String projection : PROJECTIONS) {
            assertThat(queries.call("/api/projections/" + projection + "/replay").as("admin").post("").status())
                    .isEqualTo(202);
        }
    }

    /** The md5 of every read-model table's rows, ordered (the generation, which a replay raises, left out). */
    static String checksum(TestDatabase.Database database) throws SQLException {
        StringBuilder all = new StringBuilder();
        for (String table : TABLES) {
            all.append(table).append('=').append(owner(database, """
                    SELECT md5(COALESCE(string_agg(row, '|' ORDER BY row), ''))
                    FROM (SELECT (to_jsonb(t) - 'generation')::text AS row FROM query.%s t) rows""".formatted(table)))
                    .append(' ');
        }
        return all.toString();
    }

    /** Runs one statement as the owner role; answers the first column of the first row, if any. */
    static String owner(TestDatabase.Database database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(),
                database.credentials().ownerPassword()); Statement statement = connection.createStatement()) {
            if (!statement.execute(sql)) {
                return null;
            }
            try (ResultSet result = statement.getResultSet()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }
}
