package org.commitmenttracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.commitmenttracker.query.QueryServiceApplication;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.commitmenttracker.testsupport.TrackerHttp.Response;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commitmenttracker.system.Bodies.newId;

/** api.md "Public, without login": the published commitments for anyone, cacheable and rate limited. */
class PublicReadsTest {

    /** Field names that would tell who logged what; none may appear anywhere in a public answer. */
    private static final List<String> WHO_LOGGED = List.of("actor", "correlation", "causation", "idempotency",
            "principal", "user", "metadata", "recordedby", "loggedby", "author");

    private final RunningSystem system = RunningSystem.shared();
    private final TrackerHttp commands = system.commands();
    private final TrackerHttp queries = system.queries();

    @Test
    void everyPublicAnswerIsOpenWithoutLoginAndTellsNothingOfWhoLoggedWhat() {
        String id = newId();
        String correlationId = "corr-" + UUID.randomUUID();
        String idempotencyKey = "key-" + UUID.randomUUID();
        String at = "/api/commitments/" + id;
        long version = 0;
        for (String[] command : List.of(
                new String[]{"/api/commitments", Bodies.announcement(id)},
                new String[]{at + "/pledges", Bodies.pledge("labor", "1000000.00", "USD")},
                new String[]{at + "/obligations", Bodies.obligation("award-1", "600000.00")},
                new String[]{at + "/disbursements", Bodies.disbursement("v-1", "250000.00")},
                new String[]{at + "/disbursements/v-1/reverse", Bodies.reversal()},
                new String[]{at + "/dialogues", Bodies.dialogue("hled")},
                new String[]{at + "/indicators", """
                        {"indicatorId": "cases", "name": "Cases resolved", "unit": "cases", "baseline": "0",
                         "target": "100", "occurredOn": "2021-06-08"}"""},
                new String[]{at + "/indicators/cases/measurements", """
                        {"value": "40", "measuredOn": "2021-12-01", "source": "Annual report"}"""})) {
            Response answer = commands.call(command[0]).as("officer").header("X-Correlation-Id", correlationId)
                    .header("Idempotency-Key", idempotencyKey + version).post(command[1]);
            assertThat(answer.status()).as("%s: %s", command[0], answer).isIn(200, 201);
            version = answer.json().get("version").asLong();
        }
        assertThat(queries.call(at + "?minVersion=" + version).as("officer").get().status()).isEqualTo(200);
        awaitReadModels(id, version);

        List<Response> answers = new ArrayList<>();
        for (String path : List.of("/public/api/commitments?size=200", "/public/api/commitments?category=ECONOMIC_DIALOGUE",
                "/public/api/commitments/" + id, "/public/api/commitments/" + id + "/timeline",
                "/public/api/commitments/" + id + "/ledger")) {
            Response answer = queries.call(path).get();
            assertThat(answer.status()).as("%s: %s", path, answer).isEqualTo(200);
            assertThat(answer.contentType()).startsWith("application/json");
            answers.add(answer);
        }

        assertThat(answers.get(0).json().get("items")).extracting(item -> item.get("id").asText()).contains(id);
        assertThat(answers.get(2).json().at("/funding/disbursed/value").asText()).isEqualTo("0.00");
        assertThat(answers.get(3).json()).hasSize((int) version);
        assertThat(answers.get(4).json().at("/reversed/value").asText()).isEqualTo("250000.00");
        for (Response answer : answers) {
            walk(answer.json(), "$", (path, name, value) -> {
                if (name != null) {
                    assertThat(WHO_LOGGED).as("field %s", path)
                            .noneMatch(word -> name.toLowerCase(Locale.ROOT).contains(word));
                }
                if (value != null) {
                    assertThat(value).as("value at %s", path).isNotEqualTo("officer")
                            .doesNotContain(correlationId).doesNotContain(idempotencyKey);
                }
            });
        }
    }

    @Test
    void answersCarryAnEtagThatAnswers304AndArePubliclyCacheableForAMinute() {
        String id = newId();
        long version = commands.call("/api/commitments").as("officer").post(Bodies.announcement(id)).json()
                .get("version").asLong();
        awaitReadModels(id, version);

        for (String path : List.of("/public/api/commitments/" + id, "/public/api/commitments/" + id + "/timeline",
                "/public/api/commitments/" + id + "/ledger", "/public/api/commitments?q=dialogue")) {
            Response first = queries.call(path).get();
            assertThat(first.status()).as(path).isEqualTo(200);
            assertThat(first.header("Cache-Control")).as(path).contains("public, max-age=60");
            String etag = first.header("ETag").orElseThrow();

            Response again = queries.call(path).header("If-None-Match", etag).get();

            assertThat(again.status()).as(path).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(queries.call(path).header("If-None-Match", "\"other\"").get().status()).isEqualTo(200);
        }
    }

    @Test
    void anUnknownCommitmentIsANotFoundProblemThatNoOneCaches() {
        Response missing = queries.call("/public/api/commitments/no-such-commitment").get();

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.header("Cache-Control")).contains("no-store");
        Response invalid = queries.call("/public/api/commitments?status=LOST").get();
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
    }

    @Test
    void writesStayClosedToTheAnonymous() {
        assertThat(queries.call("/public/api/commitments").send("POST", "{}", "application/json").status())
                .isIn(401, 403, 405);
        assertThat(queries.call("/api/commitments").get().status()).isEqualTo(401);
    }

    /** Another query service on the same data, publishing one commitment and allowing four requests an hour. */
    @Test
    void onlyConfiguredCommitmentsArePublishedAndAClientOverItsLimitIsToldWhenToComeBack() {
        String shown = newId();
        String hidden = newId();
        commands.call("/api/commitments").as("officer").post(Bodies.announcement(shown));
        commands.call("/api/commitments").as("officer").post(Bodies.announcement(hidden));
        queries.call("/api/commitments/" + hidden + "?minVersion=1").as("officer").get();
        assertThat(queries.call("/api/commitments/" + shown + "?minVersion=1").as("officer").get().status())
                .isEqualTo(200);
        Map<String, Object> properties = new HashMap<>(system.database.queryServiceProperties());
        properties.put("tracker.public.commitments", shown);
        properties.put("tracker.public.rate-limit.capacity", 4);
        properties.put("tracker.public.rate-limit.period", "1h");
        ConfigurableApplicationContext restricted = RunningSystem.start(QueryServiceApplication.builder(), properties);
        try {
            TrackerHttp other = RunningSystem.http(restricted);

            JsonNode page = other.call("/public/api/commitments?size=200").get().json();
            assertThat(page.get("items")).extracting(item -> item.get("id").asText()).containsExactly(shown);
            assertThat(page.get("total").asLong()).isEqualTo(1);
            assertThat(other.call("/public/api/commitments/" + shown).get().status()).isEqualTo(200);
            assertThat(other.call("/public/api/commitments/" + hidden).get().status()).isEqualTo(404);
            assertThat(other.call("/public/api/commitments/" + hidden + "/ledger").get().status()).isEqualTo(404);
            assertThat(other.call("/api/commitments/" + hidden).as("officer").get().status()).isEqualTo(200);

            Response refused = other.call("/public/api/commitments/" + shown).get();

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(Long.parseLong(refused.header("Retry-After").orElseThrow())).isBetween(1L, 900L);
            assertThat(refused.header("Cache-Control")).contains("no-store");
            assertThat(other.call("/api/commitments/" + shown).as("officer").get().status())
                    .as("the logged-in reads have no such limit").isEqualTo(200);
        } finally {
            restricted.close();
        }
    }

    /** Waits, through the logged-in reads (not rate limited), until the timeline and ledger have the version. */
    private void awaitReadModels(String id, long version) {
        for (String read : List.of("/timeline", "/ledger")) {
            Response answer = queries.call("/api/commitments/" + id + read + "?minVersion=" + version).as("officer").get();
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        }
    }

    interface Visitor {
        void visit(String path, String name, String value);
    }

    /** Every field name and every text value of a JSON tree. */
    static void walk(JsonNode node, String path, Visitor visitor) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String at = path + "." + field.getKey();
                visitor.visit(at, field.getKey(), null);
                walk(field.getValue(), at, visitor);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", visitor);
            }
        } else if (!node.isNull()) {
            visitor.visit(path, null, node.asText());
        }
    }
}
