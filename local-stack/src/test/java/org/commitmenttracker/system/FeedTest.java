package org.commitmenttracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.commitmenttracker.testsupport.TrackerHttp.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.commitmenttracker.system.Facts.announce;
import static org.commitmenttracker.system.Facts.assess;
import static org.commitmenttracker.system.Facts.awaitFeed;
import static org.commitmenttracker.system.Facts.feed;
import static org.commitmenttracker.system.Facts.pledge;
import static org.commitmenttracker.system.Bodies.newId;

/** The integrator feed, {@code GET /api/events}: CloudEvents at dense positions that only grow. */
class FeedTest {

    private final RunningSystem system = RunningSystem.shared();
    private final TrackerHttp commands = system.commands();
    private final TrackerHttp queries = system.queries();

    @Test
    void eachEventIsACloudEventWithItsPositionAndSequence() {
        String id = newId();
        String announced = announce(commands, id);
        String pledged = pledge(commands, id);

        List<JsonNode> events = awaitFeed(queries, id, 2);

        JsonNode first = events.get(0);
        assertThat(first.get("specversion").asText()).isEqualTo("1.0");
        assertThat(first.get("id").asText()).isEqualTo(announced);
        assertThat(first.get("source").asText()).isEqualTo("/commitments/" + id);
        assertThat(first.get("type").asText()).isEqualTo("org.commitmenttracker.CommitmentAnnounced.v1");
        assertThat(first.get("subject").asText()).isEqualTo(id);
        assertThat(Instant.parse(first.get("time").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(first.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(first.get("dataschema").asText()).isEqualTo(
                system.queryService.getEnvironment().getProperty("tracker.query-service.base-url")
                        + "/api/schemas/CommitmentAnnounced/1");
        assertThat(URI.create(first.get("dataschema").asText()).isAbsolute()).isTrue();
        assertThat(first.get("data").get("title").asText()).isEqualTo("High-Level Economic Dialogue");
        assertThat(first.get("sequence").isTextual()).isTrue();
        assertThat(first.get("sequence").asText()).isEqualTo("1");
        assertThat(first.get("position").isInt()).isTrue();
        assertThat(first.get("occurredon").asText()).isEqualTo("2021-06-08");
        JsonNode second = events.get(1);
        assertThat(second.get("id").asText()).isEqualTo(pledged);
        assertThat(second.get("type").asText()).isEqualTo("org.commitmenttracker.FundsPledged.v2");
        assertThat(second.get("data").get("amount").get("value").isTextual()).isTrue();
        assertThat(second.get("data").get("amount").get("value").asText()).isEqualTo("130000000.00");
        assertThat(second.get("sequence").asText()).isEqualTo("2");
        assertThat(second.get("occurredon").asText()).isEqualTo(second.get("data").get("occurredOn").asText());
        assertThat(second.get("position").asLong()).isGreaterThan(first.get("position").asLong());

        assertThat(feed(queries, "?commitmentId=" + id + "&types=FundsPledged")).extracting(e -> e.get("id").asText())
                .containsExactly(pledged);
        assertThat(feed(queries, "?commitmentId=" + id + "&types=FundsPledged,CommitmentAnnounced")).hasSize(2);
        assertThat(feed(queries, "?commitmentId=" + id + "&after=" + first.get("position").asLong()))
                .extracting(e -> e.get("id").asText()).containsExactly(pledged);
    }

    @Test
    void manyConcurrentWritersThenAReaderPagingWithAfterSeesEveryEventOnceInPositionOrder() {
        int writers = 8;
        int factsEach = 6;
        List<String> ids = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<CompletableFuture<List<String>>> written = new ArrayList<>();
        try {
            for (int w = 0; w < writers; w++) {
                String id = newId();
                ids.add(id);
                written.add(CompletableFuture.supplyAsync(() -> {
                    List<String> eventIds = new ArrayList<>();
                    eventIds.add(announce(commands, id));
                    for (int n = 1; n < factsEach; n++) {
                        eventIds.add(assess(commands, id, n));
                    }
                    return eventIds;
                }, pool));
            }
            Set<String> ours = new HashSet<>();
            written.forEach(future -> ours.addAll(future.join()));
            assertThat(ours).hasSize(writers * factsEach);

            List<JsonNode> all = await().atMost(Duration.ofSeconds(30))
                    .until(() -> readWholeFeed(7), events -> events.stream()
                            .map(e -> e.get("id").asText()).toList().containsAll(ours));

            List<Long> positions = all.stream().map(e -> e.get("position").asLong()).toList();
            assertThat(positions).containsExactlyElementsOf(LongStream.rangeClosed(1, all.size()).boxed().toList());
            assertThat(all.stream().map(e -> e.get("id").asText()).distinct()).hasSize(all.size());
            for (String id : ids) {
                assertThat(all.stream().filter(e -> e.get("subject").asText().equals(id))
                        .map(e -> e.get("sequence").asLong()))
                        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anEventWhoseLowerGlobalIndexCommitsLaterStillReachesTheFeedAfterTheEarlierOne() throws SQLException {
        String early = newId();
        String late = newId();
        try (Connection first = owner(); Connection second = owner()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            long lowerIndex = appendAnnouncement(first, late);
            long higherIndex = appendAnnouncement(second, early);
            assertThat(lowerIndex).isLessThan(higherIndex);

            second.commit();
            long earlyPosition = awaitFeed(queries, early, 1).get(0).get("position").asLong();
            assertThat(feed(queries, "?commitmentId=" + late)).isEmpty();

            first.commit();
            long latePosition = awaitFeed(queries, late, 1).get(0).get("position").asLong();

            assertThat(latePosition).isGreaterThan(earlyPosition);
            assertThat(feed(queries, "?after=" + earlyPosition + "&limit=1000"))
                    .extracting(e -> e.get("subject").asText()).contains(late);
        }
    }

    @Test
    void everyTypeCarriesItsBusinessDateAsOccurredonAndEachEventIsAValidCloudEvent() {
        String id = newId();
        announce(commands, id);
        pledge(commands, id);
        assess(commands, id, 1);
        post("/api/commitments/" + id + "/obligations", """
                {"obligationId": "award-1", "amount": {"value": 1000000, "currency": "USD"},
                 "obligatedOn": "2021-08-01", "implementingPartner": "ILO"}""");
        post("/api/commitments/" + id + "/disbursements", """
                {"disbursementId": "voucher-1", "amount": {"value": "250000.5", "currency": "USD"},
                 "disbursedOn": "2021-09-01", "recipient": "ILO"}""");

        List<JsonNode> events = awaitFeed(queries, id, 5);

        String pledgedOn = events.get(1).get("data").get("occurredOn").asText();
        assertThat(events).extracting(e -> e.get("occurredon").asText())
                .containsExactly("2021-06-08", pledgedOn, "2021-07-01", "2021-08-01", "2021-09-01");
        for (JsonNode event : events) {
            CloudEventRules.assertConforms(event);
        }
    }

    @Test
    void theAnswerCarriesTheHeadAndAfterBeyondItIsRefused() {
        String id = newId();
        announce(commands, id);
        long position = awaitFeed(queries, id, 1).get(0).get("position").asLong();

        JsonNode page = queries.call("/api/events?after=0&limit=1").as("integrator").get().json();
        long head = page.get("head").asLong();
        assertThat(head).isGreaterThanOrEqualTo(position);
        assertThat(page.get("next").asLong()).isEqualTo(1);

        JsonNode atHead = queries.call("/api/events?after=" + head).as("integrator").get().json();
        assertThat(atHead.get("events")).isEmpty();
        assertThat(atHead.get("next").asLong()).isEqualTo(head);
        assertThat(atHead.get("head").asLong()).isGreaterThanOrEqualTo(head);

        Response beyond = queries.call("/api/events?after=" + (head + 100_000)).as("integrator").get();
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.contentType()).startsWith("application/problem+json");
        assertThat(beyond.json().get("detail").asText()).contains("head");
    }

    @Test
    void invalidParametersAreRefusedWithProblems() {
        for (String query : List.of("?limit=0", "?limit=1001", "?after=-1", "?types=FundsDisbursed,NoSuchEvent",
                "?commitmentId=Not%20A%20Slug", "?after=abc")) {
            Response refused = queries.call("/api/events" + query).as("integrator").get();
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.contentType()).as(query).startsWith("application/problem+json");
        }
    }

    @Test
    void theFeedIsForIntegratorsAndAdmins() {
        assertThat(queries.call("/api/events").as("officer").get().status()).isEqualTo(403);
        assertThat(queries.call("/api/events").as("auditor").get().status()).isEqualTo(403);
        assertThat(queries.call("/api/events").get().status()).isEqualTo(401);
        assertThat(queries.call("/api/events?limit=1").as("admin").get().status()).isEqualTo(200);
        assertThat(queries.call("/api/events?limit=1").as("integrator").get().status()).isEqualTo(200);
    }

    private void post(String path, String body) {
        Response answer = commands.call(path).as("officer").post(body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    }

    private List<JsonNode> readWholeFeed(int limit) {
        List<JsonNode> all = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = queries.call("/api/events?after=" + after + "&limit=" + limit).as("integrator").get().json();
            if (page.get("events").isEmpty()) {
                assertThat(page.get("next").asLong()).isEqualTo(after);
                return all;
            }
            page.get("events").forEach(all::add);
            after = page.get("next").asLong();
        }
    }

    /** Appends an announcement as a writer would, in a transaction left open; answers its global index. */
    private static long appendAnnouncement(Connection connection, String commitmentId) throws SQLException {
        String payload = """
                {"commitmentId": "%s", "title": "Written directly", "summary": "S", "category": "OTHER",
                 "parties": ["US"], "leadAgencies": [], "announcedOn": "2021-06-08",
                 "source": {"title": "Vice President Harris Visit"}}""".formatted(commitmentId);
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO events.domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (?, ?, 0, 'Commitment', ?, 'org.commitmenttracker.events.commitment.CommitmentAnnounced', '1', ?, ?)
                RETURNING global_index""")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, commitmentId);
            insert.setString(3, Instant.now().toString());
            insert.setBytes(4, payload.getBytes(StandardCharsets.UTF_8));
            insert.setBytes(5, "{\"actor\": \"officer\"}".getBytes(StandardCharsets.UTF_8));
            try (ResultSet key = insert.executeQuery()) {
                key.next();
                return key.getLong(1);
            }
        }
    }

    private Connection owner() throws SQLException {
        return DriverManager.getConnection(system.database.jdbcUrl(), system.database.ownerUser(),
                system.database.credentials().ownerPassword());
    }
}
