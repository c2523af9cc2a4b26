package org.commitmenttracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.commitmenttracker.query.QueryServiceApplication;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.commitmenttracker.testsupport.TrackerHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, findings 7 and 8, on a query service of its own with small limits and users of its
 * own (the shared system's users must not be locked out): at most 3 subscriptions per owner, 4
 * failed logins per user and 6 per address, each refilled over 10 minutes.
 */
class HostileLimitsTest {

    private static final int CAP = 3;
    private static final int USER_FAILURES = 4;
    private static final int ADDRESS_FAILURES = 6;
    private static ConfigurableApplicationContext service;
    private static TrackerHttp queries;
    private static int port;

    @BeforeAll
    static void startAQueryServiceWithSmallLimits() {
        Map<String, Object> properties = new HashMap<>(RunningSystem.shared().database.queryServiceProperties());
        properties.put("tracker.webhooks.max-subscriptions-per-owner", CAP);
        properties.put("tracker.security.login-throttle.per-user.failures", USER_FAILURES);
        properties.put("tracker.security.login-throttle.per-user.period", "10m");
        properties.put("tracker.security.login-throttle.per-address.failures", ADDRESS_FAILURES);
        properties.put("tracker.security.login-throttle.per-address.period", "10m");
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        for (String user : List.of("erin", "frank", "gina", "hank")) {
            properties.put("tracker.security.users." + user + ".password", "{bcrypt}" + bcrypt.encode(user + "-pass"));
            properties.put("tracker.security.users." + user + ".roles", "INTEGRATOR");
        }
        service = RunningSystem.start(QueryServiceApplication.builder(), properties);
        queries = RunningSystem.http(service);
        port = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    // --- finding 8: password guessing

    @Test
    void finding8_wrongPasswordsForOneUserEndIn429WithRetryAfterWhileAnotherUserSignsIn() {
        for (int i = 0; i < USER_FAILURES; i++) {
            assertThat(queries.call("/api/commitments").as("erin", "guess-" + i).get().status()).isEqualTo(401);
        }

        Response throttled = queries.call("/api/commitments").as("erin", "guess-again").get();
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.contentType()).startsWith("application/problem+json");
        assertThat(throttled.json().get("status").asInt()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, 600L));
        // Another user, from the same address, meanwhile: let in as always.
        assertThat(queries.call("/api/commitments").as("frank", "frank-pass").get().status()).isEqualTo(200);
        // The user's own right password waits too (README: the user's bucket guards against guesses from
        // many addresses), from this address and from another.
        assertThat(queries.call("/api/commitments").as("erin", "erin-pass").get().status()).isEqualTo(429);
        assertThat(RawHttp.get("127.0.0.4", port, "/api/commitments", "erin", "erin-pass").status()).isEqualTo(429);
    }

    @Test
    void finding8_wrongPasswordsFromOneAddressEndIn429ForEveryUserFromItButNotFromAnother() {
        String guesser = "127.0.0.2";
        for (int i = 0; i < ADDRESS_FAILURES; i++) {
            assertThat(RawHttp.get(guesser, port, "/api/commitments", "nobody-" + i, "guess").status()).isEqualTo(401);
        }

        RawHttp.Answer throttled = RawHttp.get(guesser, port, "/api/commitments", "frank", "frank-pass");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("content-type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(throttled.header("retry-after"))).isBetween(1L, 600L);
        assertThat(RawHttp.get("127.0.0.3", port, "/api/commitments", "frank", "frank-pass").status()).isEqualTo(200);
    }

    // --- finding 7: unbounded per-owner resources

    @Test
    void finding7_aSubscriptionBeyondTheOwnersCapIsAConflictNamingItAndCreatesNothing() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < CAP; i++) {
            Response subscribed = subscribe("gina", i);
            assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
            created.add(subscribed.json().get("id").asText());
        }

        Response refused = subscribe("gina", CAP);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("at most " + CAP + " subscriptions");
        JsonNode list = queries.call("/api/subscriptions").as("gina", "gina-pass").get().json();
        assertThat(list.get("total").asLong()).isEqualTo(CAP);
        assertThat(list.get("items").findValuesAsText("url")).doesNotContain(hook(CAP));
        // Room again once one is deleted.
        assertThat(queries.call("/api/subscriptions/" + created.get(0)).as("gina", "gina-pass").send("DELETE", "", "application/json")
                .status()).isEqualTo(204);
        assertThat(subscribe("gina", CAP).status()).isEqualTo(201);
    }

    @Test
    void finding7_theListComesInPagesThatCoverEverySubscriptionOnce() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < CAP; i++) {
            created.add(subscribe("hank", i).json().get("id").asText());
        }

        JsonNode first = queries.call("/api/subscriptions?size=2").as("hank", "hank-pass").get().json();
        JsonNode second = queries.call("/api/subscriptions?size=2&page=1").as("hank", "hank-pass").get().json();

        assertThat(first.get("items").findValuesAsText("id")).containsExactly(created.get(0), created.get(1));
        assertThat(second.get("items").findValuesAsText("id")).containsExactly(created.get(2));
        assertThat(List.of(first.get("total").asLong(), second.get("total").asLong())).containsOnly((long) CAP);
        assertThat(List.of(first.get("page").asInt(), first.get("size").asInt(), second.get("page").asInt()))
                .containsExactly(0, 2, 1);
        for (String bad : List.of("size=0", "size=201", "page=-1", "size=ten", "page=100001")) {
            Response refused = queries.call("/api/subscriptions?" + bad).as("hank", "hank-pass").get();
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.contentType()).as(bad).startsWith("application/problem+json");
        }
    }

    private static Response subscribe(String user, int n) {
        return queries.call("/api/subscriptions").as(user, user + "-pass").post("{\"url\": \"" + hook(n) + "\"}");
    }

    private static String hook(int n) {
        return "http://localhost:1/hooks/" + n;
    }
}
