package org.commitmenttracker.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What a new user sees: the local stack starts seeded, and a restart keeps the data and seeds nothing twice. */
class LocalStackTest {

    /** The seven commitments and how many facts the sheet states of each (the announcement included). */
    private static final Map<String, Long> SEED_VERSIONS = Map.of("us-mx-2021-hled", 2L,
            "us-mx-2021-security-dialogue", 1L, "us-mx-2021-labor-cooperation", 2L, "us-mx-2021-root-causes", 2L,
            "us-mx-2021-smuggling-trafficking", 1L, "us-mx-2021-southern-mexico-investment", 1L,
            "us-mx-2021-disappearances", 2L);
    private static final List<String> SEED_SLUGS = List.copyOf(SEED_VERSIONS.keySet());

    @Test
    void startsWithTheSevenCommitmentsOfTheFactSheetAndKeepsThemOnceAcrossRestarts(@TempDir Path data) throws IOException {
        int databasePort = freePort();
        try (LocalStack stack = LocalStack.start(data, databasePort, "--server.port=0")) {
            TrackerHttp queries = new TrackerHttp(stack.queryServiceUrl());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(slugs(queries)).containsExactlyInAnyOrderElementsOf(SEED_SLUGS));
            TrackerHttp.Response announced = new TrackerHttp(stack.commandServiceUrl()).call("/api/commitments")
                    .as("officer").post("""
                    {"id": "survives-restart", "title": "T", "summary": "S", "category": "OTHER", "parties": ["US"],
                     "announcedOn": "2021-06-08", "source": {"title": "Test"}}""");
            assertThat(announced.status()).isEqualTo(201);
            SEED_VERSIONS.forEach((slug, version) -> assertThat(queries.call("/api/commitments/" + slug
                    + "?minVersion=" + version).as("officer").get().json().get("version").asLong()).isEqualTo(version));
        }

        try (LocalStack again = LocalStack.start(data, databasePort, "--server.port=0")) {
            TrackerHttp queries = new TrackerHttp(again.queryServiceUrl());
            assertThat(queries.call("/api/commitments/survives-restart?minVersion=1").as("officer").get().status())
                    .isEqualTo(200);
            JsonNode page = queries.call("/api/commitments?size=200").as("officer").get().json();
            assertThat(page.get("total").asLong()).isEqualTo(SEED_SLUGS.size() + 1);
            assertThat(slugs(queries)).containsAll(SEED_SLUGS).doesNotHaveDuplicates();
            for (String slug : SEED_SLUGS) {
                assertThat(queries.call("/api/commitments/" + slug).as("officer").get().json().get("version").asLong())
                        .as(slug).isEqualTo(SEED_VERSIONS.get(slug));
            }
        }
    }

    private static List<String> slugs(TrackerHttp queries) {
        JsonNode items = queries.call("/api/commitments?size=200").as("officer").get().json().get("items");
        return StreamSupport.stream(items.spliterator(), false).map(item -> item.get("id").asText()).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
