package org.commitmenttracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.commitmenttracker.testsupport.TrackerHttp.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.commitmenttracker.system.Bodies.announcement;
import static org.commitmenttracker.system.Bodies.disbursement;
import static org.commitmenttracker.system.Bodies.newId;
import static org.commitmenttracker.system.Bodies.pledge;

/** A commitment with hundreds of events keeps taking commands, and Axon keeps a snapshot of it (every 100 events). */
class LongStreamTest {

    private static final int DISBURSEMENTS = 300;

    private final RunningSystem system = RunningSystem.shared();
    private final TrackerHttp commands = system.commands();

    @Test
    void commitmentWithHundredsOfEventsTakesACommandAndIsSnapshotted() throws Exception {
        String id = newId();
        assertThat(commands.call("/api/commitments").as("officer").post(announcement(id)).status()).isEqualTo(201);
        assertThat(commands.call("/api/commitments/" + id + "/pledges").as("officer")
                .post(pledge("pledge-1", "1000000.00", "USD")).status()).isEqualTo(201);
        disburseOneDollarAtATime(id);
        long head = 2 + DISBURSEMENTS;
        assertThat(system.eventCount(id)).isEqualTo(head);

        // Snapshots are written after the command's transaction; the latest may still be on its way.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(system.latestSnapshotVersion(id)).isGreaterThanOrEqualTo(200));

        Response next = disburse(id, "voucher-final");
        assertThat(next.status()).as(next.toString()).isEqualTo(201);
        assertThat(next.json().get("version").asLong()).isEqualTo(head + 1);
        assertThat(next.header("ETag")).contains("\"" + (head + 1) + "\"");
        JsonNode detail = system.queries().call("/api/commitments/" + id + "?minVersion=" + (head + 1))
                .as("officer").get().json();
        assertThat(detail.at("/funding/disbursed/value").asText()).isEqualTo((DISBURSEMENTS + 1) + ".00");
    }

    /** A few officers at once, only to keep the test short: the commitment takes them one by one. */
    private void disburseOneDollarAtATime(String id) throws Exception {
        ExecutorService officers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 1; i <= DISBURSEMENTS; i++) {
                String disbursementId = "voucher-" + i;
                answers.add(officers.submit(() -> disburse(id, disbursementId)));
            }
            for (Future<Response> answer : answers) {
                Response disbursed = answer.get(60, TimeUnit.SECONDS);
                assertThat(disbursed.status()).as(disbursed.toString()).isEqualTo(201);
            }
        } finally {
            officers.shutdownNow();
        }
    }

    private Response disburse(String id, String disbursementId) {
        return commands.call("/api/commitments/" + id + "/disbursements").as("officer")
                .post(disbursement(disbursementId, "1.00"));
    }
}
