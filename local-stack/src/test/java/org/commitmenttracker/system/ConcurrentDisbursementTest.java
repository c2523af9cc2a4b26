package org.commitmenttracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.commitmenttracker.testsupport.TrackerHttp.Response;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commitmenttracker.system.Bodies.announcement;
import static org.commitmenttracker.system.Bodies.disbursement;
import static org.commitmenttracker.system.Bodies.newId;
import static org.commitmenttracker.system.Bodies.pledge;

/**
 * domain.md: "sixteen officers disbursing at once against the last million end with at most a
 * million disbursed", whether they reach one command-service instance or several.
 */
class ConcurrentDisbursementTest {

    private static final int OFFICERS = 16;

    private final RunningSystem system = RunningSystem.shared();

    @Test
    void sixteenOfficersDisbursingAMillionAtOnceDisburseExactlyTheMillion() throws Exception {
        String id = commitmentWithAMillionPledged();

        List<Response> answers = disburseAllAtOnce(id, List.of(system.commands()));

        assertExactlyTheMillionDisbursed(id, answers);
    }

    @Test
    void twoCommandServiceInstancesOnOneDatabaseKeepTheSameLimit() throws Exception {
        String id = commitmentWithAMillionPledged();
        try (ConfigurableApplicationContext another = system.startAnotherCommandService()) {

            List<Response> answers = disburseAllAtOnce(id, List.of(system.commands(), RunningSystem.http(another)));

            assertExactlyTheMillionDisbursed(id, answers);
        }
    }

    private String commitmentWithAMillionPledged() {
        String id = newId();
        TrackerHttp commands = system.commands();
        assertThat(commands.call("/api/commitments").as("officer").post(announcement(id)).status()).isEqualTo(201);
        assertThat(commands.call("/api/commitments/" + id + "/pledges").as("officer")
                .post(pledge("the-last-million", "1000000.00", "USD")).status()).isEqualTo(201);
        return id;
    }

    /** Sixteen requests of 100,000.00 each, released together, spread evenly over the instances. */
    private static List<Response> disburseAllAtOnce(String id, List<TrackerHttp> instances) throws Exception {
        ExecutorService officers = Executors.newFixedThreadPool(OFFICERS);
        try {
            CountDownLatch ready = new CountDownLatch(OFFICERS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> pending = new ArrayList<>();
            for (int i = 0; i < OFFICERS; i++) {
                TrackerHttp instance = instances.get(i % instances.size());
                String body = disbursement("voucher-" + i, "100000.00");
                pending.add(officers.submit(() -> {
                    ready.countDown();
                    go.await();
                    return instance.call("/api/commitments/" + id + "/disbursements").as("officer").post(body);
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : pending) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            officers.shutdownNow();
        }
    }

    private void assertExactlyTheMillionDisbursed(String id, List<Response> answers) {
        List<Response> recorded = answers.stream().filter(answer -> answer.status() == 201).toList();
        List<Response> refused = answers.stream().filter(answer -> answer.status() != 201).toList();
        assertThat(recorded).as("recorded: %s", answers).hasSize(10);
        assertThat(refused).as("refused: %s", answers).hasSize(6).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("detail").asText()).contains("above the USD 1000000.00 pledged");
        });
        assertThat(recorded).extracting(answer -> answer.json().get("version").asLong())
                .containsExactlyInAnyOrder(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);

        JsonNode detail = system.queries().call("/api/commitments/" + id + "?minVersion=12").as("officer").get().json();
        assertThat(detail.get("version").asLong()).isEqualTo(12);
        assertThat(detail.at("/funding/disbursed/value").asText()).isEqualTo("1000000.00");
        assertThat(detail.at("/funding/pledged/value").asText()).isEqualTo("1000000.00");
        assertThat(system.eventCount(id)).isEqualTo(12);
    }
}
