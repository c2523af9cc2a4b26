package org.commitmenttracker.system;

import org.commitmenttracker.testsupport.TrackerHttp;
import org.commitmenttracker.testsupport.TrackerHttp.Response;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commitmenttracker.system.Bodies.announcement;
import static org.commitmenttracker.system.Bodies.disbursement;
import static org.commitmenttracker.system.Bodies.newId;
import static org.commitmenttracker.system.Bodies.pledge;
import static org.commitmenttracker.system.Bodies.reversal;

/**
 * An Idempotency-Key (api.md): the same key and body always get the first answer (status,
 * body, ETag, Location) and record nothing more, even when twenty clients send it at once;
 * the same key with another body is a 422.
 */
class IdempotencyTest {

    private static final int CLIENTS = 20;

    private final RunningSystem system = RunningSystem.shared();
    private final TrackerHttp commands = system.commands();

    @Test
    void twentyConcurrentAnnouncementsWithOneKeyAllGetTheFirstAnswerAndRecordOneEvent() throws Exception {
        String key = "announce-" + UUID.randomUUID();
        // No id in the body: the service names the commitment, and the Location must name the same one every time.
        String body = announcement("unused").replace("\"id\": \"unused\", ", "");

        List<Response> answers = concurrently(() -> commands.call("/api/commitments").as("officer")
                .header("Idempotency-Key", key).post(body));

        assertAllAlike(answers, 201);
        String id = answers.get(0).json().get("commitmentId").asText();
        assertThat(answers.get(0).header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/commitments/" + id));
        assertThat(answers.get(0).json().get("version").asLong()).isEqualTo(1);
        assertThat(system.eventCount(id)).isEqualTo(1);
        assertThat(eventsRecordedWithKey(key)).isEqualTo(1);

        Response other = commands.call("/api/commitments").as("officer").header("Idempotency-Key", key)
                .post(body.replace("High-Level Economic Dialogue", "Another dialogue"));

        assertThat(other.status()).as(other.toString()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(eventsRecordedWithKey(key)).isEqualTo(1);
    }

    @Test
    void twentyConcurrentDisbursementsWithOneKeyAllGetTheFirstAnswerAndRecordOneEvent() throws Exception {
        String id = pledged();
        String key = "voucher-" + UUID.randomUUID();
        String body = disbursement("voucher-1", "2500000.00");

        List<Response> answers = concurrently(() -> commands.call("/api/commitments/" + id + "/disbursements")
                .as("officer").header("Idempotency-Key", key).post(body));

        assertAllAlike(answers, 201);
        assertThat(answers.get(0).json().get("version").asLong()).isEqualTo(3);
        assertThat(answers.get(0).header("ETag")).contains("\"3\"");
        assertThat(answers.get(0).header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("#disbursement-voucher-1"));
        assertThat(answers.get(0).json().get("eventIds")).hasSize(1);
        assertThat(system.eventCount(id)).isEqualTo(3);
        assertThat(system.eventIds(id).get(2)).isEqualTo(answers.get(0).json().get("eventIds").get(0).asText());

        Response other = commands.call("/api/commitments/" + id + "/disbursements").as("officer")
                .header("Idempotency-Key", key).post(disbursement("voucher-1", "250000.00"));

        assertThat(other.status()).as(other.toString()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(system.eventCount(id)).isEqualTo(3);
    }

    @Test
    void aRepeatLaterGetsTheFirstAnswerEvenWhenTheCommitmentMovedOn() {
        String id = pledged();
        // No pledge id in the body: the service names the pledge, and the repeat must answer the same Location.
        String body = pledge("unused", "10.00", "USD").replace("\"pledgeId\": \"unused\", ", "");
        String key = "pledge-" + UUID.randomUUID();
        Response first = commands.call("/api/commitments/" + id + "/pledges").as("officer")
                .header("Idempotency-Key", key).post(body);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        commands.call("/api/commitments/" + id + "/disbursements").as("officer").post(disbursement("voucher-9", "5.00"));

        Response again = commands.call("/api/commitments/" + id + "/pledges").as("officer")
                .header("Idempotency-Key", key).post(body);

        assertSame(again, first, 201);
        assertThat(again.json().get("version").asLong()).isEqualTo(3);
        assertThat(system.eventCount(id)).isEqualTo(4);
    }

    @Test
    void aRepeatedChangeAnswers200WithoutLocationAsTheFirstDid() {
        String id = pledged();
        commands.call("/api/commitments/" + id + "/disbursements").as("officer").post(disbursement("voucher-1", "5.00"));
        String path = "/api/commitments/" + id + "/disbursements/voucher-1/reverse";
        String key = "reverse-" + UUID.randomUUID();
        Response first = commands.call(path).as("officer").header("Idempotency-Key", key).post(reversal());
        assertThat(first.status()).as(first.toString()).isEqualTo(200);

        Response again = commands.call(path).as("officer").header("Idempotency-Key", key).post(reversal());

        assertSame(again, first, 200);
        assertThat(again.header("Location")).isEmpty();
        assertThat(system.eventCount(id)).isEqualTo(4);
    }

    @Test
    void aRefusedRequestLeavesItsKeyFreeForTheNextRequest() {
        String id = pledged();
        String key = "refused-" + UUID.randomUUID();
        Response refused = commands.call("/api/commitments/" + id + "/disbursements/voucher-404/reverse").as("officer")
                .header("Idempotency-Key", key).post(reversal());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(404);

        Response recorded = commands.call("/api/commitments/" + id + "/disbursements").as("officer")
                .header("Idempotency-Key", key).post(disbursement("voucher-1", "5.00"));

        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        assertThat(system.eventCount(id)).isEqualTo(3);
    }

    /** Announced and pledged (version 2). */
    private String pledged() {
        String id = newId();
        assertThat(commands.call("/api/commitments").as("officer").post(announcement(id)).status()).isEqualTo(201);
        assertThat(commands.call("/api/commitments/" + id + "/pledges").as("officer")
                .post(pledge("the-pledge", "5000000.00", "USD")).status()).isEqualTo(201);
        return id;
    }

    private static List<Response> concurrently(Supplier<Response> request) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> pending = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                pending.add(clients.submit(() -> {
                    go.await();
                    return request.get();
                }));
            }
            go.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : pending) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            clients.shutdownNow();
        }
    }

    private static void assertAllAlike(List<Response> answers, int status) {
        Response first = answers.get(0);
        assertThat(first.status()).as(first.toString()).isEqualTo(status);
        assertThat(answers).allSatisfy(answer -> assertSame(answer, first, status));
    }

    private static void assertSame(Response answer, Response first, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.json()).isEqualTo(first.json());
        assertThat(answer.header("ETag")).isPresent().isEqualTo(first.header("ETag"));
        assertThat(answer.header("Location")).isEqualTo(first.header("Location"));
    }

    /** Events of any commitment whose metadata carries this key: one for a key used only with one body. */
    private long eventsRecordedWithKey(String key) throws SQLException {
        try (Connection owner = system.ownerConnection();
             PreparedStatement statement = owner.prepareStatement("SELECT count(*) FROM events.domain_event_entry "
                     + "WHERE convert_from(meta_data, 'UTF8')::jsonb ->> 'idempotencyKey' = ?")) {
            statement.setString(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
