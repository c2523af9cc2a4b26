package org.commitmenttracker.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.commitmenttracker.command.CommandServiceApplication;
import org.commitmenttracker.query.QueryServiceApplication;
import org.commitmenttracker.testsupport.TestDatabase;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command service says after each commit that it appended (a PostgreSQL notification), and
 * the query service reads at once: with all its polling slowed to a minute (the event store's,
 * the processors' wake-up, the event stream's), a command still shows in the read model and on
 * an open Server-Sent Events stream within seconds, command after command.
 */
class AppendNotificationTest {

    @Test
    void withPollingSlowedToAMinuteEachCommandStillShowsInTheReadModelWithinSeconds() {
        System.setProperty("axoniq.update-checker.disabled", "true");
        TestDatabase.Database database = RunningSystem.newDatabase();
        Map<String, Object> slowPolling = new HashMap<>(database.queryServiceProperties());
        slowPolling.put("tracker.processing.fetch-delay", "60s");
        slowPolling.put("tracker.processing.wake-up", "60s");
        slowPolling.put("tracker.stream.poll-interval", "60s");
        try (ConfigurableApplicationContext commandService = RunningSystem.start(CommandServiceApplication.builder(),
                database.commandServiceProperties());
             ConfigurableApplicationContext queryService = RunningSystem.start(QueryServiceApplication.builder(),
                     slowPolling)) {
            Officer officer = new Officer(RunningSystem.http(commandService));
            TrackerHttp queries = RunningSystem.http(queryService);
            String id = Bodies.newId();
            try (SseClient stream = SseClient.open(queries.baseUrl() + "/api/events/stream?commitmentId=" + id,
                    "integrator", null)) {
                await().atMost(Duration.ofSeconds(10)).until(stream::connected);

                officer.post("/api/commitments", Bodies.announcement(id));
                awaitVersion(queries, id, 1);
                awaitStreamed(stream, "CommitmentAnnounced");
                officer.post("/api/commitments/" + id + "/pledges", Bodies.pledge("p-1", "1000.00", "USD"));
                awaitVersion(queries, id, 2);
                awaitStreamed(stream, "CommitmentAnnounced", "FundsPledged");
                officer.post("/api/commitments/" + id + "/pledges", Bodies.pledge("p-2", "500.00", "USD"));
                awaitVersion(queries, id, 3);
                awaitStreamed(stream, "CommitmentAnnounced", "FundsPledged", "FundsPledged");
            }
        }
    }

    /** Until the stream has sent the commitment's events so far, these types in this order. */
    private static void awaitStreamed(SseClient stream, String... types) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                assertThat(stream.messages.stream().map(SseClient.Message::event).toList()).containsExactly(types));
    }

    private static void awaitVersion(TrackerHttp queries, String id, long version) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            TrackerHttp.Response detail = queries.call("/api/commitments/" + id).as("auditor").get();
            assertThat(detail.status()).as(detail.body()).isEqualTo(200);
            assertThat(detail.json().get("version").asLong()).isEqualTo(version);
        });
    }
}
