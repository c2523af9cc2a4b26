package org.commitmenttracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.commitmenttracker.testsupport.TrackerHttp.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.commitmenttracker.system.Facts.announce;
import static org.commitmenttracker.system.Facts.assess;
import static org.commitmenttracker.system.Bodies.newId;

/** {@code GET /api/events/stream}: the feed as Server-Sent Events, resumable, for many clients at once. */
class EventStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final RunningSystem system = RunningSystem.shared();
    private final TrackerHttp commands = system.commands();
    private final TrackerHttp queries = system.queries();

    @Test
    void aClientThatReconnectsWithLastEventIdGetsExactlyTheEventsItMissed() {
        String id = newId();
        String url = queries.baseUrl() + "/api/events/stream?commitmentId=" + id;
        List<String> written = new ArrayList<>();

        SseClient first = SseClient.open(url, "integrator", null);
        written.add(announce(commands, id));
        written.add(assess(commands, id, 1));
        written.add(assess(commands, id, 2));
        await().atMost(PATIENCE).until(() -> first.messages.size() >= 3);
        first.close();

        assertThat(eventIds(first)).containsExactlyElementsOf(written);
        SseClient.Message third = first.messages.get(2);
        assertThat(third.event()).isEqualTo("ProgressAssessed");
        assertThat(third.id()).isEqualTo(json(third).get("position").asText());
        assertThat(json(third).get("type").asText()).isEqualTo("org.commitmenttracker.ProgressAssessed.v2");

        List<String> missed = List.of(assess(commands, id, 3), assess(commands, id, 4), assess(commands, id, 5));
        Facts.awaitFeed(queries, id, 6);

        try (SseClient resumed = SseClient.open(url, "integrator", third.id())) {
            await().atMost(PATIENCE).until(() -> resumed.messages.size() >= 3);
            String live = assess(commands, id, 6);
            await().atMost(PATIENCE).until(() -> resumed.messages.size() >= 4);

            List<String> expected = new ArrayList<>(missed);
            expected.add(live);
            assertThat(eventIds(resumed)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aHundredConcurrentClientsAllReceiveABurstOfEvents() {
        String id = newId();
        String url = queries.baseUrl() + "/api/events/stream?commitmentId=" + id;
        List<SseClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                clients.add(SseClient.open(url, "integrator", null));
            }
            await().atMost(PATIENCE).until(() -> clients.stream().allMatch(SseClient::connected));

            List<String> burst = new ArrayList<>();
            burst.add(announce(commands, id));
            for (int n = 1; n < 10; n++) {
                burst.add(assess(commands, id, n));
            }

            await().atMost(PATIENCE).until(() -> clients.stream().allMatch(client -> client.messages.size() >= 10));
            for (SseClient client : clients) {
                assertThat(eventIds(client)).containsExactlyElementsOf(burst);
            }
        } finally {
            clients.forEach(SseClient::close);
        }
    }

    @Test
    void clientsThatHangUpAreLetGo() {
        String url = queries.baseUrl() + "/api/events/stream?commitmentId=" + newId();
        List<SseClient> clients = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clients.add(SseClient.open(url, "integrator", null));
        }
        await().atMost(PATIENCE).until(() -> clients.stream().allMatch(SseClient::connected));
        long open = openStreams();
        assertThat(open).isGreaterThanOrEqualTo(5);

        clients.forEach(SseClient::close);

        // The next heartbeat finds each connection gone.
        await().atMost(PATIENCE).until(() -> openStreams() <= open - 5);
    }

    @Test
    void aQuietStreamGetsHeartbeatComments() {
        try (SseClient client = SseClient.open(queries.baseUrl() + "/api/events/stream?commitmentId=" + newId(),
                "integrator", null)) {
            await().atMost(PATIENCE).until(() -> client.comments.contains("heartbeat"));
            assertThat(client.messages).isEmpty();
        }
    }

    @Test
    void streamResumesAfterTheGivenPositionAndRefusesWhatIsNotOne() {
        String id = newId();
        announce(commands, id);
        String second = assess(commands, id, 1);
        long firstPosition = Facts.awaitFeed(queries, id, 2).get(0).get("position").asLong();

        try (SseClient client = SseClient.open(queries.baseUrl() + "/api/events/stream?commitmentId=" + id
                + "&after=" + firstPosition, "integrator", null)) {
            await().atMost(PATIENCE).until(() -> client.messages.size() >= 1);
            assertThat(eventIds(client)).containsExactly(second);
        }

        Response badHeader = queries.call("/api/events/stream").as("integrator").header("Last-Event-ID", "abc").get();
        assertThat(badHeader.status()).isEqualTo(400);
        Response badType = queries.call("/api/events/stream?types=NoSuchEvent").as("integrator").get();
        assertThat(badType.status()).isEqualTo(400);
        assertThat(queries.call("/api/events/stream").as("officer").get().status()).isEqualTo(403);
    }

    private long openStreams() {
        String metrics = queries.call("/actuator/prometheus").as("admin").get().body();
        Matcher gauge = Pattern.compile("(?m)^tracker_stream_clients(\\{[^}]*})? ([0-9.]+)$").matcher(metrics);
        assertThat(gauge.find()).as("the gauge of open streams").isTrue();
        return (long) Double.parseDouble(gauge.group(2));
    }

    private static List<String> eventIds(SseClient client) {
        return client.messages.stream().map(message -> json(message).get("id").asText()).toList();
    }

    private static JsonNode json(SseClient.Message message) {
        try {
            return JSON.readTree(message.data());
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + message.data(), e);
        }
    }
}
