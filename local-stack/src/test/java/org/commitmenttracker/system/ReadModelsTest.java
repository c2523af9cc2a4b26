package org.commitmenttracker.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.commitmenttracker.query.processing.AsynchronousCommit;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.commitmenttracker.testsupport.TrackerHttp.Response;
import org.junit.jupiter.api.Test;

/** The read models of api.md over HTTP, after an officer logs what happened. */
class ReadModelsTest {

    // its own system: the tests here replay processors and add a constraint to a read model's table,
    // which must not meet another class's replays and load on the shared one
    private static final RunningSystem system = RunningSystem.isolated();
    private final TrackerHttp commands = system.commands();
    private final TrackerHttp queries = system.queries();

    /** The labor and HLED commitments of the fact sheet, under ids of their own, through 2021. */
    @Test
    void theCourseOf2021ReadsRightInTheDetailLedgerTimelineCalendarAndDashboard() {
        awaitCaughtUp();
        JsonNode before = queries.call("/api/dashboard").as("officer").get().json();
        String labor = "labor-" + UUID.randomUUID().toString().substring(0, 8);
        String hled = "hled-" + UUID.randomUUID().toString().substring(0, 8);

        command("/api/commitments", """
                {"id": "%s", "title": "Strengthen Labor Cooperation", "category": "LABOR",
                 "summary": "The U.S. will invest an additional $130 million over the next three years.",
                 "parties": ["US", "MX"], "leadAgencies": ["Department of Labor"], "announcedOn": "2021-06-08",
                 "dueBy": "2024-06-07", "source": {"title": "Vice President Harris Visit", "publishedOn": "2021-06-15"}}
                """.formatted(labor));
        command("/api/commitments/" + labor + "/pledges", """
                {"pledgeId": "dol-technical-assistance", "amount": {"value": "130000000.00", "currency": "USD"},
                 "periodFrom": "2021-06-08", "periodTo": "2024-06-07", "fundingSource": "Department of Labor",
                 "occurredOn": "2021-06-08"}""");
        command("/api/commitments/" + labor + "/obligations", """
                {"obligationId": "ilab-2021-01", "amount": {"value": "30000000.00", "currency": "USD"},
                 "obligatedOn": "2021-09-01", "implementingPartner": "ILO"}""");
        command("/api/commitments/" + labor + "/disbursements", """
                {"disbursementId": "v-2021-001", "amount": {"value": "2000000.00", "currency": "USD"},
                 "disbursedOn": "2021-09-20", "recipient": "ILO", "obligationId": "ilab-2021-01"}""");
        command("/api/commitments/" + labor + "/disbursements", """
                {"disbursementId": "v-2022-001", "amount": {"value": "10000000.00", "currency": "USD"},
                 "disbursedOn": "2021-11-15", "recipient": "ILO", "obligationId": "ilab-2021-01"}""");
        command("/api/commitments/" + labor + "/disbursements/v-2021-001/reverse", """
                {"reason": "Paid twice", "reversedOn": "2021-12-01"}""");
        long laborVersion = command("/api/commitments/" + labor + "/assessments", """
                {"rating": "IN_PROGRESS", "rationale": "First funds reached the ILO.", "assessedOn": "2021-12-02"}""");

        command("/api/commitments", """
                {"id": "%s", "title": "High-Level Economic Dialogue (HLED)", "category": "ECONOMIC_DIALOGUE",
                 "summary": "Both nations agreed to hold a HLED in September.", "parties": ["US", "MX"],
                 "leadAgencies": ["Department of State"], "announcedOn": "2021-06-08", "dueBy": "2021-09-30",
                 "source": {"title": "Vice President Harris Visit", "publishedOn": "2021-06-15"}}""".formatted(hled));
        command("/api/commitments/" + hled + "/dialogues", """
                {"dialogueId": "hled-2021", "name": "HLED 2021", "plannedFrom": "2021-09-01",
                 "plannedTo": "2021-09-30", "occurredOn": "2021-06-08"}""");
        command("/api/commitments/" + hled + "/dialogues/hled-2021/mark-held", """
                {"heldOn": "2021-09-09", "location": "Washington", "outcomes": ["Four pillars agreed"]}""");
        command("/api/commitments/" + hled + "/assessments", """
                {"rating": "ACHIEVED", "rationale": "Held in September as promised.", "assessedOn": "2021-09-10"}""");
        long hledVersion = command("/api/commitments/" + hled + "/fulfil", """
                {"fulfilledOn": "2021-09-09", "summary": "The HLED was held in Washington."}""");

        JsonNode detail = read("/api/commitments/" + labor + "?minVersion=" + laborVersion);
        assertThat(detail.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(detail.get("rating").asText()).isEqualTo("IN_PROGRESS");
        assertThat(detail.at("/funding/pledged/value").asText()).isEqualTo("130000000.00");
        assertThat(detail.at("/funding/disbursed/value").asText()).isEqualTo("10000000.00");

        JsonNode ledger = read("/api/commitments/" + labor + "/ledger?minVersion=" + laborVersion);
        assertThat(ledger.get("currency").asText()).isEqualTo("USD");
        assertThat(ledger.at("/pledged/value").asText()).isEqualTo("130000000.00");
        assertThat(ledger.at("/obligated/value").asText()).isEqualTo("30000000.00");
        assertThat(ledger.at("/disbursed/value").asText()).isEqualTo("10000000.00");
        assertThat(ledger.at("/reversed/value").asText()).isEqualTo("2000000.00");
        assertThat(ledger.at("/available/value").asText()).isEqualTo("20000000.00");
        assertThat(ledger.at("/available/currency").asText()).isEqualTo("USD");
        assertThat(ledger.get("byFiscalYear")).extracting(year -> year.get("fiscalYear").asText() + " "
                + year.at("/disbursed/value").asText()).containsExactly("FY2021 2000000.00", "FY2022 8000000.00");
        assertThat(ledger.get("entries")).extracting(entry -> entry.get("kind").asText() + " "
                + entry.get("date").asText() + " " + entry.get("id").asText() + " "
                + entry.at("/amount/value").asText()).containsExactly(
                "PLEDGE 2021-06-08 dol-technical-assistance 130000000.00",
                "OBLIGATION 2021-09-01 ilab-2021-01 30000000.00",
                "DISBURSEMENT 2021-09-20 v-2021-001 2000000.00",
                "DISBURSEMENT 2021-11-15 v-2022-001 10000000.00",
                "REVERSAL 2021-12-01 v-2021-001 2000000.00");

        JsonNode timeline = read("/api/commitments/" + labor + "/timeline?minVersion=" + laborVersion);
        assertThat(timeline).hasSize((int) laborVersion);
        assertThat(timeline).extracting(entry -> entry.get("summary").asText())
                .contains("Disbursed USD 10,000,000.00 to ILO (voucher v-2022-001)",
                        "Reversed disbursement v-2021-001 of USD 2,000,000.00: Paid twice");
        assertThat(timeline.get(0).get("type").asText()).isEqualTo("CommitmentAnnounced");
        assertThat(timeline.get(0).get("recordedAt").asText()).endsWith("Z");
        JsonNode hledTimeline = read("/api/commitments/" + hled + "/timeline?minVersion=" + hledVersion);
        assertThat(hledTimeline).extracting(entry -> entry.get("summary").asText())
                .contains("Dialogue 'HLED 2021' held on 2021-09-09 in Washington");

        JsonNode hledDetail = read("/api/commitments/" + hled + "?minVersion=" + hledVersion);
        assertThat(hledDetail.get("status").asText()).isEqualTo("FULFILLED");
        assertThat(hledDetail.at("/dialogues/0/status").asText()).isEqualTo("HELD");
        assertThat(hledDetail.at("/dialogues/0/heldOn").asText()).isEqualTo("2021-09-09");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode september = read("/api/dialogues?from=2021-09-09&to=2021-09-09&size=200");
            assertThat(items(september)).anySatisfy(dialogue -> {
                assertThat(dialogue.get("commitmentId").asText()).isEqualTo(hled);
                assertThat(dialogue.get("commitmentTitle").asText()).isEqualTo("High-Level Economic Dialogue (HLED)");
                assertThat(dialogue.get("dialogueId").asText()).isEqualTo("hled-2021");
                assertThat(dialogue.get("status").asText()).isEqualTo("HELD");
                assertThat(dialogue.get("plannedFrom").asText()).isEqualTo("2021-09-01");
                assertThat(dialogue.get("heldOn").asText()).isEqualTo("2021-09-09");
                assertThat(dialogue.get("location").asText()).isEqualTo("Washington");
            });
        });

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode after = queries.call("/api/dashboard").as("integrator").get().json();
            assertThat(after.get("commitments").asLong()).isEqualTo(before.get("commitments").asLong() + 2);
            assertThat(delta(before, after, "/byStatus/IN_PROGRESS")).isEqualTo(1);
            assertThat(delta(before, after, "/byStatus/FULFILLED")).isEqualTo(1);
            assertThat(delta(before, after, "/byRating/IN_PROGRESS")).isEqualTo(1);
            assertThat(delta(before, after, "/byRating/ACHIEVED")).isEqualTo(1);
            assertThat(sum(after.get("byStatus"))).isEqualTo(after.get("commitments").asLong());
            assertThat(sum(after.get("byRating"))).isEqualTo(after.get("commitments").asLong());
        });
        JsonNode dashboard = queries.call("/api/dashboard").as("officer").get().json();
        long listed = queries.call("/api/commitments?size=1").as("officer").get().json().get("total").asLong();
        assertThat(dashboard.get("commitments").asLong()).isEqualTo(listed);
        assertThat(dashboard.has("overdue")).isTrue();
        assertThat(dashboard.at("/funding/USD/pledged/value").asText()).isNotEmpty();
        assertThat(dashboard.get("upcomingDialogues").isArray()).isTrue();
    }

    @Test
    void everyReadOfOneCommitmentWaitsForItsOwnReadModel() {
        String id = "wait-" + UUID.randomUUID().toString().substring(0, 8);
        long version = command("/api/commitments", Bodies.announcement(id));

        assertThat(queries.call("/api/commitments/" + id + "/timeline?minVersion=" + version).as("officer").get()
                .status()).isEqualTo(200);
        assertThat(queries.call("/api/commitments/" + id + "/ledger?minVersion=" + version).as("officer").get()
                .status()).isEqualTo(200);
        Response notYet = queries.call("/api/commitments/" + id + "/ledger?minVersion=" + (version + 1)).as("officer")
                .get();
        assertThat(notYet.status()).isEqualTo(504);
        assertThat(notYet.contentType()).startsWith("application/problem+json");
        assertThat(queries.call("/api/commitments/" + id + "/timeline?minVersion=" + (version + 1)).as("officer")
                .get().status()).isEqualTo(504);
        assertThat(queries.call("/api/commitments/no-such-commitment/timeline").as("officer").get().status())
                .isEqualTo(404);
        assertThat(queries.call("/api/commitments/no-such-commitment/ledger").as("officer").get().status())
                .isEqualTo(404);
        assertThat(queries.call("/api/dialogues?from=2021-09-30&to=2021-09-01").as("officer").get().status())
                .isEqualTo(400);
    }

    @Test
    void projectionsAreShownAndReplayedForAdministratorsOnly() {
        assertThat(queries.call("/api/projections").as("officer").get().status()).isEqualTo(403);
        assertThat(queries.call("/api/projections/commitments/replay").as("officer").post("").status()).isEqualTo(403);
        assertThat(queries.call("/api/projections/no-such-projection/replay").as("admin").post("").status())
                .isEqualTo(404);

        JsonNode projections = queries.call("/api/projections").as("admin").get().json();

        assertThat(projections).extracting(p -> p.get("name").asText()).containsAll(ReadModelFixtures.PROJECTIONS);
        for (JsonNode projection : projections) {
            assertThat(projection.get("headPosition").asLong()).isGreaterThanOrEqualTo(projection.get("position").asLong());
            assertThat(projection.get("lag").asLong())
                    .isEqualTo(projection.get("headPosition").asLong() - projection.get("position").asLong());
            assertThat(projection.get("status").asText()).isEqualTo("RUNNING");
            assertThat(projection.has("replaying")).isTrue();
            assertThat(projection.get("deadLetters").asLong()).isNotNegative();
            // the read models split their work in four; the feed numbers events in one segment
            assertThat(projection.get("segments")).hasSize(projection.get("name").asText().equals("feed") ? 1 : 4);
        }
    }

    /**
     * A database crash may lose the last commits of a read model that commits without waiting for
     * the disk, and its token with them; only the event store's own read models may: the feed's
     * positions, once shown, must survive.
     */
    @Test
    void onlyTheReadModelsTheEventStoreRebuildsCommitWithoutWaitingForTheDisk() {
        EventProcessingConfiguration processing = system.queryService.getBean(EventProcessingConfiguration.class);
        Function<String, List<?>> interceptors = name ->
                processing.eventProcessor(name).orElseThrow().getHandlerInterceptors();

        assertThat(interceptors.apply("commitments")).hasAtLeastOneElementOfType(AsynchronousCommit.class);
        assertThat(interceptors.apply("timeline")).hasAtLeastOneElementOfType(AsynchronousCommit.class);
        assertThat(interceptors.apply("feed")).noneMatch(AsynchronousCommit.class::isInstance);
    }

    /**
     * A poison event: the read model cannot store what it makes of the commitment (a constraint
     * added here stands for any bug). The constraint refuses every state from the poisoned
     * disbursement on, not only its own: a batch writes each commitment's row once, after its
     * last event, so a state in the middle of a batch is never written and cannot be refused.
     */
    @Test
    void anEventTheLedgerCannotApplyIsParkedWithoutStoppingOtherCommitmentsAndIsRetried() throws SQLException {
        String poisoned = "poisoned-" + UUID.randomUUID().toString().substring(0, 8);
        String healthy = "healthy-" + UUID.randomUUID().toString().substring(0, 8);
        command("/api/commitments", Bodies.announcement(poisoned));
        long pledged = command("/api/commitments/" + poisoned + "/pledges", pledge("1000.00"));
        read("/api/commitments/" + poisoned + "/ledger?minVersion=" + pledged);
        long deadLettersBefore = deadLetters("commitments");
        owner("ALTER TABLE query.commitment ADD CONSTRAINT poison_for_test CHECK (id <> '" + poisoned
                + "' OR disbursed < 100.00)");
        try {
            command("/api/commitments/" + poisoned + "/disbursements", disbursement("v-poison", "100.00"));
            long last = command("/api/commitments/" + poisoned + "/disbursements", disbursement("v-after", "50.00"));
            command("/api/commitments", Bodies.announcement(healthy));
            long healthyVersion = command("/api/commitments/" + healthy + "/pledges", pledge("10.00"));

            assertThat(read("/api/commitments/" + healthy + "/ledger?minVersion=" + healthyVersion)
                    .at("/pledged/value").asText()).isEqualTo("10.00");
            assertThat(read("/api/commitments/" + poisoned + "/timeline?minVersion=" + last)).hasSize((int) last);
            // parked on the batch's retry, after the processor's claim interval: slow on a loaded machine
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(deadLetters("commitments")).isEqualTo(deadLettersBefore + 2));
            assertThat(queries.call("/api/commitments/" + poisoned + "/ledger?minVersion=" + (pledged + 1))
                    .as("officer").get().status()).isEqualTo(504);

            owner("ALTER TABLE query.commitment DROP CONSTRAINT poison_for_test");
            Response retried = queries.call("/api/projections/commitments/dead-letters/retry").as("admin").post("");

            assertThat(retried.status()).isEqualTo(200);
            assertThat(retried.json().get("sequencesProcessed").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(deadLetters("commitments")).isEqualTo(deadLettersBefore);
            JsonNode ledger = read("/api/commitments/" + poisoned + "/ledger?minVersion=" + last);
            assertThat(ledger.at("/disbursed/value").asText()).isEqualTo("150.00");
        } finally {
            owner("ALTER TABLE query.commitment DROP CONSTRAINT IF EXISTS poison_for_test");
        }
    }

    /**
     * A few thousand events of many commitments, then a replay of every read model: each read,
     * polled over HTTP while the replay runs, answers exactly the complete state (no new events
     * arrive, so before and after are the same), and every table holds the same rows after.
     */
    @Test
    void duringAReplayEveryReadAnswersTheCompleteStateAndTheRebuildEndsWithTheSameRows() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 44; i++) {
            ids.add("replay-" + i + "-" + UUID.randomUUID().toString().substring(0, 6));
        }
        ReadModelFixtures.logAYearOfFacts(commands, ids);
        awaitCaughtUp();
        assertThat(Long.parseLong(ReadModelFixtures.owner(system.database,
                "SELECT count(*) FROM events.domain_event_entry"))).isGreaterThan(2000);
        String checksum = ReadModelFixtures.checksum(system.database);
        List<String> reads = List.of("/api/commitments/" + ids.get(0), "/api/commitments/" + ids.get(0) + "/ledger",
                "/api/commitments/" + ids.get(0) + "/timeline", "/api/commitments?limit=100", "/api/dashboard",
                "/api/dialogues", "/api/commitments?q=" + ids.get(7));
        Map<String, JsonNode> complete = new LinkedHashMap<>();
        reads.forEach(path -> complete.put(path, read(path)));

        ReadModelFixtures.replayAll(queries);
        int pollsWhileReplaying = 0;
        while (ReadModelFixtures.replaying(queries)) {
            for (String path : reads) {
                assertThat(read(path)).as("%s during the replay", path).isEqualTo(complete.get(path));
            }
            pollsWhileReplaying++;
        }
        awaitCaughtUp();

        assertThat(pollsWhileReplaying).as("rounds of reads while the replay ran").isPositive();
        reads.forEach(path -> assertThat(read(path)).as("%s after the replay", path).isEqualTo(complete.get(path)));
        assertThat(ReadModelFixtures.checksum(system.database)).isEqualTo(checksum);
    }

    private void awaitCaughtUp() {
        ReadModelFixtures.awaitCaughtUp(queries);
    }

    private long deadLetters(String projection) {
        JsonNode projections = queries.call("/api/projections").as("admin").get().json();
        return StreamSupport.stream(projections.spliterator(), false)
                .filter(p -> p.get("name").asText().equals(projection))
                .findFirst().orElseThrow().get("deadLetters").asLong();
    }

    private long command(String path, String body) {
        return ReadModelFixtures.command(commands, path, body);
    }

    private JsonNode read(String path) {
        Response response = queries.call(path).as("officer").get();
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<JsonNode> items(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false).toList();
    }

    private static long delta(JsonNode before, JsonNode after, String pointer) {
        return after.at(pointer).asLong() - before.at(pointer).asLong();
    }

    private static long sum(JsonNode counts) {
        long sum = 0;
        for (JsonNode count : counts) {
            sum += count.asLong();
        }
        return sum;
    }

    private static String pledge(String amount) {
        return """
                {"pledgeId": "p-1", "amount": {"value": "%s", "currency": "USD"}, "periodFrom": "2021-06-08",
                 "periodTo": "2024-06-07", "fundingSource": "Department of Labor", "occurredOn": "2021-06-08"}"""
                .formatted(amount);
    }

    private static String disbursement(String voucher, String amount) {
        return """
                {"disbursementId": "%s", "amount": {"value": "%s", "currency": "USD"}, "disbursedOn": "2021-11-15",
                 "recipient": "ILO"}""".formatted(voucher, amount);
    }

    private void owner(String sql) throws SQLException {
        ReadModelFixtures.owner(system.database, sql);
    }
}
