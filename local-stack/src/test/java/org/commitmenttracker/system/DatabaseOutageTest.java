package org.commitmenttracker.system;

import org.commitmenttracker.command.CommandServiceApplication;
import org.commitmenttracker.query.QueryServiceApplication;
import org.commitmenttracker.testsupport.TestDatabase;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.commitmenttracker.testsupport.TrackerHttp.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL goes away while officers keep writing and readers keep reading, then comes back.
 * The services are not restarted: they answer 503 meanwhile, and afterwards every fact that was
 * acknowledged is in the store, no command refused as "nothing was recorded" left anything behind,
 * and the read model caught up by itself. A command whose commit the outage broke off is answered
 * "outcome unknown" (it may be stored); sent again with its Idempotency-Key, every refused command
 * is then recorded exactly once.
 */
class DatabaseOutageTest {

    @Test
    void commandsAnswer503DuringAnOutageAndEverythingAcknowledgedSurvivesIt(@TempDir Path data) throws Exception {
        try (TestDatabase.StoppableDatabase postgres = RunningSystem.stoppableDatabase(data);
             ConfigurableApplicationContext commandService = RunningSystem.start(CommandServiceApplication.builder(),
                     postgres.database().commandServiceProperties());
             ConfigurableApplicationContext queryService = RunningSystem.start(QueryServiceApplication.builder(),
                     postgres.database().queryServiceProperties())) {
            TrackerHttp commands = RunningSystem.http(commandService);
            TrackerHttp queries = RunningSystem.http(queryService);
            String id = "outage-" + System.nanoTime();
            assertThat(commands.call("/api/commitments").as("officer").post(Bodies.announcement(id)).status())
                    .isEqualTo(201);
            assertThat(commands.call("/api/commitments/" + id + "/pledges").as("officer").post("""
                    {"pledgeId": "pledge-1", "amount": {"value": "1000000", "currency": "USD"},
                     "periodFrom": "2021-06-08", "periodTo": "2024-06-07", "fundingSource": "DOL"}""").status())
                    .isEqualTo(201);
            assertThat(queries.call("/api/commitments/" + id + "?minVersion=2").as("officer").get().status())
                    .isEqualTo(200);

            Map<String, Integer> answers = new ConcurrentHashMap<>();
            Set<String> outcomeUnknown = ConcurrentHashMap.newKeySet();
            AtomicLong slowestMillis = new AtomicLong();
            Map<Integer, Integer> readAnswers = new ConcurrentHashMap<>();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger sequence = new AtomicInteger();
            ExecutorService load = Executors.newFixedThreadPool(3);
            List<Future<?>> workers = new ArrayList<>();
            for (int worker = 0; worker < 2; worker++) {
                workers.add(load.submit(() -> {
                    while (running.get()) {
                        String voucher = "v-" + sequence.incrementAndGet();
                        long started = System.nanoTime();
                        Response answer = disburse(commands, id, voucher);
                        slowestMillis.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
                        answers.put(voucher, answer.status());
                        if (answer.status() >= 500) {
                            assertThat(answer.contentType()).startsWith("application/problem+json");
                            if (answer.json().get("type").asText().endsWith("/outcome-unknown")) {
                                outcomeUnknown.add(voucher);
                            }
                        }
                    }
                    return null;
                }));
            }
            workers.add(load.submit(() -> {
                while (running.get()) {
                    readAnswers.merge(queries.call("/api/commitments/" + id).as("officer").get().status(), 1, Integer::sum);
                }
                return null;
            }));

            await().atMost(Duration.ofSeconds(20)).until(() -> count(answers, 201) >= 20);
            postgres.stop();
            await().atMost(Duration.ofSeconds(30)).until(() -> count(answers, 503) >= 5);
            postgres.start();
            int acknowledgedBeforeRecovery = count(answers, 201);
            await().atMost(Duration.ofSeconds(60)).until(() -> count(answers, 201) >= acknowledgedBeforeRecovery + 20);
            running.set(false);
            for (Future<?> worker : workers) {
                worker.get();
            }
            load.shutdown();

            assertThat(answers.values()).allMatch(status -> status == 201 || status == 503);
            assertThat(slowestMillis.get()).as("slowest answer in ms").isLessThan(10_000);
            assertThat(readAnswers.keySet()).as("statuses of reads").isSubsetOf(200, 503);
            Set<String> stored = storedDisbursements(postgres.database(), id);
            Set<String> acknowledged = vouchers(answers, 201);
            Set<String> refused = vouchers(answers, 503);
            Set<String> nothingRecorded = new HashSet<>(refused);
            nothingRecorded.removeAll(outcomeUnknown);
            assertThat(stored).containsAll(acknowledged);
            assertThat(stored).doesNotContainAnyElementsOf(nothingRecorded);

            for (String voucher : refused) {
                assertThat(disburse(commands, id, voucher).status()).as("%s sent again", voucher).isEqualTo(201);
            }
            List<String> storedOnce = RunningSystem.storedDisbursements(postgres.database(), id);
            assertThat(storedOnce).as("every voucher exactly once").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(answers.keySet());

            long version = 2 + answers.size();
            Response detail = queries.call("/api/commitments/" + id + "?minVersion=" + version).as("officer").get();
            assertThat(detail.status()).isEqualTo(200);
            assertThat(detail.json().get("version").asLong()).isEqualTo(version);
            assertThat(new BigDecimal(detail.json().get("funding").get("disbursed").get("value").asText()))
                    .isEqualByComparingTo(new BigDecimal(answers.size()));
        }
    }

    /** A disbursement of 1.00 whose voucher is also its Idempotency-Key, so that it can be sent again safely. */
    private static Response disburse(TrackerHttp commands, String id, String voucher) {
        return commands.call("/api/commitments/" + id + "/disbursements").as("officer")
                .header("Idempotency-Key", voucher).post("""
                        {"disbursementId": "%s", "amount": {"value": "1.00", "currency": "USD"},
                         "disbursedOn": "2021-11-15", "recipient": "ILO"}""".formatted(voucher));
    }

    private static int count(Map<String, Integer> answers, int status) {
        return (int) answers.values().stream().filter(s -> s == status).count();
    }

    private static Set<String> vouchers(Map<String, Integer> answers, int status) {
        Set<String> vouchers = new HashSet<>();
        answers.forEach((voucher, answer) -> {
            if (answer == status) {
                vouchers.add(voucher);
            }
        });
        return vouchers;
    }

    private static Set<String> storedDisbursements(TestDatabase.Database database, String id) {
        return new HashSet<>(RunningSystem.storedDisbursements(database, id));
    }
}
