package org.commitmenttracker.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.commitmenttracker.testsupport.TrackerHttp.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The local stack as a new user starts it (seeded with the seven commitments of the fact sheet),
 * with the course of the labor pledge logged on top as an officer would: two obligations, three
 * disbursements and a reversal. Started once per test JVM for the tests of the public face.
 */
final class SeededStack {

    static final List<String> SEED = List.of("us-mx-2021-hled", "us-mx-2021-security-dialogue",
            "us-mx-2021-labor-cooperation", "us-mx-2021-root-causes", "us-mx-2021-smuggling-trafficking",
            "us-mx-2021-southern-mexico-investment", "us-mx-2021-disappearances");
    static final String LABOR = "us-mx-2021-labor-cooperation";
    /** Disbursed in FY2022, net of the reversal: 5,000,000 + 7,500,000 + 2,250,000.50 - 7,500,000. */
    static final String LABOR_DISBURSED = "7250000.50";

    private static SeededStack shared;

    final TrackerHttp commands;
    final TrackerHttp queries;
    final String queryServiceUrl;

    private SeededStack(LocalStack stack) {
        this.commands = new TrackerHttp(stack.commandServiceUrl());
        this.queries = new TrackerHttp(stack.queryServiceUrl());
        this.queryServiceUrl = stack.queryServiceUrl();
    }

    static synchronized SeededStack shared() {
        if (shared == null) {
            try {
                Path data = Files.createTempDirectory("seeded-stack");
                LocalStack stack = LocalStack.start(data, freePort(), "--server.port=0");
                Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "seeded-stack-shutdown"));
                shared = new SeededStack(stack);
                shared.awaitSeed();
                shared.logLaborCourse();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    private void awaitSeed() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode items = queries.call("/api/commitments?size=200").as("officer").get().json().get("items");
            assertThat(StreamSupport.stream(items.spliterator(), false).map(i -> i.get("id").asText()))
                    .containsAll(SEED);
        });
    }

    private void logLaborCourse() {
        String at = "/api/commitments/" + LABOR;
        post(at + "/obligations", """
                {"obligationId": "ilo-il-35000-21", "amount": {"value": "25000000.00", "currency": "USD"},
                 "obligatedOn": "2021-09-17", "implementingPartner": "International Labour Organization"}""");
        post(at + "/obligations", """
                {"obligationId": "sc-il-36000-22", "amount": {"value": "15000000.00", "currency": "USD"},
                 "obligatedOn": "2022-02-01", "implementingPartner": "Solidarity Center"}""");
        post(at + "/disbursements", """
                {"disbursementId": "v-2021-0001", "amount": {"value": "5000000.00", "currency": "USD"},
                 "disbursedOn": "2021-11-02", "recipient": "International Labour Organization",
                 "obligationId": "ilo-il-35000-21"}""");
        post(at + "/disbursements", """
                {"disbursementId": "v-2022-0002", "amount": {"value": "7500000.00", "currency": "USD"},
                 "disbursedOn": "2022-03-15", "recipient": "Solidarity Center", "obligationId": "sc-il-36000-22"}""");
        post(at + "/disbursements", """
                {"disbursementId": "v-2022-0003", "amount": {"value": "2250000.50", "currency": "USD"},
                 "disbursedOn": "2022-04-01", "recipient": "International Labour Organization",
                 "obligationId": "ilo-il-35000-21", "note": "Second tranche"}""");
        long version = post(at + "/disbursements/v-2022-0002/reverse", """
                {"reason": "Paid to the wrong account.", "reversedOn": "2022-04-20"}""");
        awaitReadModels(LABOR, version);
    }

    /** Sends a command as the officer; answers the commitment's version after it. */
    long post(String path, String body) {
        Response answer = commands.call(path).as("officer").post(body);
        assertThat(answer.status()).as("%s: %s", path, answer).isIn(200, 201);
        return answer.json().get("version").asLong();
    }

    /** Waits, through the logged-in reads, until the detail, timeline and ledger show the version. */
    void awaitReadModels(String id, long version) {
        for (String read : List.of("", "/timeline", "/ledger")) {
            Response answer = queries.call("/api/commitments/" + id + read + "?minVersion=" + version).as("officer").get();
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
