package org.commitmenttracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.commitmenttracker.testsupport.TrackerHttp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.commitmenttracker.system.Facts.announce;
import static org.commitmenttracker.system.Facts.assess;
import static org.commitmenttracker.system.Facts.pledge;
import static org.commitmenttracker.system.Bodies.newId;

/** Webhooks: signed CloudEvents pushed to a real HTTP receiver on loopback, retried until it answers 2xx. */
class WebhookTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** tracker.webhooks.park-after in the tests' services (RunningSystem). */
    private static final int PARK_AFTER = RunningSystem.WEBHOOK_PARK_AFTER;

    private final RunningSystem system = RunningSystem.shared();
    private final TrackerHttp commands = system.commands();
    private final TrackerHttp queries = system.queries();

    /** One request as the receiver saw it, and what it answered. */
    record Received(String id, String timestamp, String signature, String body, int answered, String upgrade) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger(2);
    private final AtomicBoolean failing = new AtomicBoolean();
    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failing.get() || failuresLeft.getAndDecrement() > 0 ? 500 : 204;
            received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body, status,
                    exchange.getRequestHeaders().getFirst("Upgrade")));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aReceiverThatFailsTwiceGetsEveryEventInOrderEachSignedAndTheAttemptsAreListed() throws Exception {
        String id = newId();
        List<String> written = new ArrayList<>();
        written.add(announce(commands, id));
        Response created = subscribe("integrator", """
                {"url": "%s", "commitmentId": "%s", "after": %d}""".formatted(hookUrl(), id, positionBefore(id)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String subscription = created.json().get("id").asText();
        String secret = created.json().get("secret").asText();
        assertThat(created.header("Location")).contains("/api/subscriptions/" + subscription);
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length())).length).isGreaterThanOrEqualTo(24);

        written.add(pledge(commands, id));
        for (int n = 1; n <= 3; n++) {
            written.add(assess(commands, id, n));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> delivered().size() >= written.size());

        assertThat(delivered()).extracting(Received::id).containsExactlyElementsOf(written);
        assertThat(received.subList(0, 3)).extracting(Received::id).containsOnly(written.get(0));
        for (Received request : received) {
            assertThat(request.upgrade()).as("plain HTTP/1.1, no h2c upgrade").isNull();
            assertThat(request.signature()).isEqualTo(standardWebhooksSignature(secret, request));
            JsonNode cloudEvent = JSON.readTree(request.body());
            assertThat(cloudEvent.get("id").asText()).isEqualTo(request.id());
            assertThat(cloudEvent.get("subject").asText()).isEqualTo(id);
            assertThat(Long.parseLong(request.timestamp())).isCloseTo(Instant.now().getEpochSecond(),
                    org.assertj.core.data.Offset.offset(60L));
        }

        JsonNode attempts = await().atMost(Duration.ofSeconds(10)).until(() ->
                queries.call("/api/subscriptions/" + subscription + "/deliveries").as("integrator").get().json(),
                list -> list.size() >= 7);
        List<JsonNode> oldestFirst = new ArrayList<>();
        attempts.forEach(attempt -> oldestFirst.add(0, attempt));
        assertThat(oldestFirst).extracting(a -> a.get("attempt").asInt()).containsExactly(1, 2, 3, 1, 1, 1, 1);
        assertThat(oldestFirst).extracting(a -> a.get("delivered").asBoolean())
                .containsExactly(false, false, true, true, true, true, true);
        assertThat(oldestFirst.subList(0, 2)).allSatisfy(failed -> {
            assertThat(failed.get("statusCode").asInt()).isEqualTo(500);
            assertThat(failed.get("eventId").asText()).isEqualTo(written.get(0));
            assertThat(Instant.parse(failed.get("nextAttemptAt").asText()))
                    .isAfter(Instant.parse(failed.get("attemptedAt").asText()));
        });
        JsonNode state = queries.call("/api/subscriptions/" + subscription).as("integrator").get().json();
        assertThat(state.get("position").asLong()).isEqualTo(oldestFirst.get(6).get("position").asLong());
        assertThat(state.has("secret")).isFalse();
        assertThat(state.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(state.get("failures").asInt()).isZero();
        assertThat(state.get("nextAttemptAt").isNull()).as("no retry is due after a success").isTrue();
    }

    @Test
    void aSubscriptionToACommitmentThatDoesNotExistIsRefused() {
        Response refused = subscribe("integrator", """
                {"url": "%s", "commitmentId": "%s"}""".formatted(hookUrl(), newId()));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("does not exist");
    }

    @Test
    void aPausedSubscriptionReceivesNothingUntilResumedThenEverythingInOrder() {
        failuresLeft.set(0);
        String id = newId();
        String announced = announce(commands, id);
        long after = positionBefore(id);
        String paused = subscribe("integrator", subscription(id, after)).json().get("id").asText();
        // a second receiver path, never paused: when it has an event, the paused one could have had it too
        String control = subscribe("integrator", """
                {"url": "%s?control", "commitmentId": "%s", "after": %d}""".formatted(hookUrl(), id, after))
                .json().get("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered().size() >= 2);
        assertThat(operate(paused, "pause").json().get("status").asText()).isEqualTo("PAUSED");

        String assessed = assess(commands, id, 1);
        long assessedAt = Facts.awaitFeed(queries, id, 2).get(1).get("position").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> position(control) >= assessedAt);
        assertThat(position(paused)).isLessThan(assessedAt);
        assertThat(delivered()).extracting(Received::id).containsExactlyInAnyOrder(announced, announced, assessed);

        assertThat(operate(paused, "resume").json().get("status").asText()).isEqualTo("ACTIVE");
        await().atMost(Duration.ofSeconds(30)).until(() -> position(paused) >= assessedAt);
        assertThat(delivered()).extracting(Received::id).containsExactlyInAnyOrder(announced, announced, assessed,
                assessed);
    }

    @Test
    void aTargetThatKeepsFailingIsParkedListedAndResumable() {
        failing.set(true);
        String id = newId();
        String announced = announce(commands, id);
        String subscription = subscribe("integrator", subscription(id, positionBefore(id))).json().get("id").asText();

        JsonNode parked = await().atMost(Duration.ofSeconds(30)).until(() -> state(subscription),
                state -> state.get("status").asText().equals("PARKED"));
        assertThat(parked.get("nextAttemptAt").isNull()).isTrue();
        assertThat(parked.get("parkedAt").isNull()).isFalse();
        assertThat(parked.get("failures").asInt()).isEqualTo(PARK_AFTER);
        assertThat(received).hasSize(PARK_AFTER);
        assertThat(queries.call("/api/subscriptions?status=PARKED").as("integrator").get().json().get("items"))
                .extracting(s -> s.get("id").asText()).contains(subscription);
        assertThat(queries.call("/api/subscriptions?status=ACTIVE").as("integrator").get().json().get("items"))
                .extracting(s -> s.get("id").asText()).doesNotContain(subscription);

        failing.set(false);
        failuresLeft.set(0);
        assertThat(operate(subscription, "resume").json().get("status").asText()).isEqualTo("ACTIVE");
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered().size() == 1);
        assertThat(delivered()).extracting(Received::id).containsExactly(announced);
        JsonNode state = state(subscription);
        assertThat(state.get("failures").asInt()).isZero();
        assertThat(state.get("nextAttemptAt").isNull()).isTrue();
    }

    @Test
    void aReplayDeliversAgainFromAPositionAndARedeliverySendsOneDeliveryAgain() throws Exception {
        failuresLeft.set(0);
        String id = newId();
        String announced = announce(commands, id);
        long first = positionBefore(id) + 1;
        Response created = subscribe("integrator", subscription(id, first - 1));
        String subscription = created.json().get("id").asText();
        String pledged = pledge(commands, id);
        String assessed = assess(commands, id, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered().size() >= 3);
        long pledgedAt = Facts.feed(queries, "?commitmentId=" + id).get(1).get("position").asLong();

        JsonNode replayed = operate(subscription, "replay?from=" + pledgedAt).json();
        assertThat(replayed.get("position").asLong()).isEqualTo(pledgedAt - 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered().size() >= 5);
        assertThat(delivered()).extracting(Received::id).containsExactly(announced, pledged, assessed, pledged, assessed);

        JsonNode deliveries = queries.call("/api/subscriptions/" + subscription + "/deliveries").as("integrator").get().json();
        JsonNode announcement = StreamSupport.stream(deliveries.spliterator(), false)
                .filter(d -> d.get("eventId").asText().equals(announced)).findFirst().orElseThrow();
        Response redelivered = operate(subscription, "deliveries/" + announcement.get("id").asLong() + "/redeliver");
        assertThat(redelivered.status()).as(redelivered.toString()).isEqualTo(200);
        assertThat(redelivered.json().get("redelivery").asBoolean()).isTrue();
        assertThat(redelivered.json().get("delivered").asBoolean()).isTrue();
        assertThat(redelivered.json().get("attempt").asInt()).isEqualTo(2);
        assertThat(delivered()).extracting(Received::id).endsWith(announced);
        Received again = delivered().get(delivered().size() - 1);
        assertThat(JSON.readTree(again.body()).get("id").asText()).isEqualTo(announced);
        long assessedAt = Facts.feed(queries, "?commitmentId=" + id).get(2).get("position").asLong();
        assertThat(state(subscription).get("position").asLong()).as("the cursor stays").isGreaterThanOrEqualTo(assessedAt);

        assertThat(operate(subscription, "replay?from=0").status()).isEqualTo(400);
        assertThat(operate(subscription, "replay?from=999999999").status()).isEqualTo(400);
        assertThat(operate(subscription, "deliveries/999999999/redeliver").status()).isEqualTo(404);
        String admins = subscribe("admin", "{\"url\": \"" + hookUrl() + "\"}").json().get("id").asText();
        assertThat(operate(admins, "pause").status()).isEqualTo(404);
        assertThat(delete("admin", admins)).isEqualTo(204);
    }

    @Test
    void targetsOnPrivateLinkLocalOrUnspecifiedAddressesAreRefused() {
        for (String url : List.of("http://10.1.2.3/hook", "http://192.168.1.10/hook", "http://172.16.0.1/hook",
                "http://169.254.169.254/latest/meta-data", "http://0.0.0.0/hook", "http://[fd00::1]/hook",
                "http://[fe80::1]/hook", "ftp://127.0.0.1/hook", "http://user:pw@127.0.0.1/hook")) {
            Response refused = subscribe("integrator", "{\"url\": \"" + url + "\"}");
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.contentType()).as(url).startsWith("application/problem+json");
        }
        Response badType = subscribe("integrator", "{\"url\": \"" + hookUrl() + "\", \"types\": [\"NoSuchEvent\"]}");
        assertThat(badType.status()).isEqualTo(400);
    }

    @Test
    void anIntegratorSeesAndDeletesOnlyItsOwnSubscriptionsAndAnAdminSeesAll() {
        String mine = subscribe("integrator", "{\"url\": \"" + hookUrl() + "\"}").json().get("id").asText();
        String admins = subscribe("admin", "{\"url\": \"" + hookUrl() + "\", \"types\": [\"FundsDisbursed\"]}")
                .json().get("id").asText();

        JsonNode own = queries.call("/api/subscriptions").as("integrator").get().json().get("items");
        assertThat(own).extracting(s -> s.get("id").asText()).contains(mine).doesNotContain(admins);
        assertThat(own).allSatisfy(s -> assertThat(s.has("secret")).isFalse());
        assertThat(queries.call("/api/subscriptions?size=200").as("admin").get().json().get("items"))
                .extracting(s -> s.get("id").asText()).contains(mine, admins);
        assertThat(queries.call("/api/subscriptions/" + admins).as("integrator").get().status()).isEqualTo(404);
        assertThat(queries.call("/api/subscriptions/" + admins + "/deliveries").as("integrator").get().status())
                .isEqualTo(404);
        assertThat(delete("integrator", admins)).isEqualTo(404);
        assertThat(queries.call("/api/subscriptions/" + mine).as("admin").get().status()).isEqualTo(200);

        assertThat(delete("integrator", mine)).isEqualTo(204);
        assertThat(queries.call("/api/subscriptions/" + mine).as("integrator").get().status()).isEqualTo(404);
        assertThat(delete("admin", admins)).isEqualTo(204);
        assertThat(subscribe("officer", "{\"url\": \"" + hookUrl() + "\"}").status()).isEqualTo(403);
    }

    /** The feed position just before the commitment's first event. */
    private long positionBefore(String id) {
        return Facts.awaitFeed(queries, id, 1).get(0).get("position").asLong() - 1;
    }

    private String subscription(String id, long after) {
        return """
                {"url": "%s", "commitmentId": "%s", "after": %d}""".formatted(hookUrl(), id, after);
    }

    private Response operate(String subscription, String operation) {
        return queries.call("/api/subscriptions/" + subscription + "/" + operation).as("integrator").post("");
    }

    private JsonNode state(String subscription) {
        return queries.call("/api/subscriptions/" + subscription).as("integrator").get().json();
    }

    private long position(String subscription) {
        return state(subscription).get("position").asLong();
    }

    private List<Received> delivered() {
        return received.stream().filter(r -> r.answered() == 204).toList();
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private Response subscribe(String user, String body) {
        return queries.call("/api/subscriptions").as(user).post(body);
    }

    private int delete(String user, String subscription) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(queries.baseUrl() + "/api/subscriptions/" + subscription))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((user + ":" + user + "-local").getBytes(StandardCharsets.UTF_8)))
                    .DELETE().build();
            return java.net.http.HttpClient.newHttpClient()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The receiver's check, as the Standard Webhooks specification gives it: HMAC-SHA256 keyed
     * with the base64-decoded secret (after {@code whsec_}) over {@code id.timestamp.body}; the
     * header holds one or more space-separated {@code v1,<base64>} signatures.
     */
    private static String standardWebhooksSignature(String secret, Received request) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(
                (request.id() + "." + request.timestamp() + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
        return Arrays.stream(request.signature().split(" ")).filter(expected::equals).findFirst()
                .orElse("none of " + request.signature() + " matches " + expected);
    }
}
