package org.commitmenttracker.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.commitmenttracker.command.CommandServiceApplication;
import org.commitmenttracker.query.QueryServiceApplication;
import org.commitmenttracker.testsupport.TestDatabase;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two query-service instances on one database of their own: one in a JVM of its own, killed
 * (SIGKILL, no shutdown) while officers are logging facts and it is processing them; the other
 * claims the dead one's segments once their claims time out and finishes the work. The read
 * models end up exactly as a clean rebuild makes them: nothing applied twice, nothing lost.
 */
class QueryServiceCrashTest {

    @Test
    void twoInstancesSplitTheSegmentsAndWhenOneIsKilledTheOtherFinishesExactlyOnce() throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        TestDatabase.Database database = RunningSystem.newDatabase();
        ConfigurableApplicationContext commandService = RunningSystem.start(CommandServiceApplication.builder(),
                database.commandServiceProperties());
        ConfigurableApplicationContext survivor = null;
        Process killed = null;
        try {
            TrackerHttp commands = RunningSystem.http(commandService);
            ReadModelFixtures.logAYearOfFacts(commands, ids("before", 8));

            int port = freePort();
            killed = startQueryServiceProcess(database, port);
            TrackerHttp killedQueries = new TrackerHttp("http://localhost:" + port);
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).until(() ->
                    claimedSegments(killedQueries) == 2 * ReadModelFixtures.PROJECTIONS.size());
            survivor = RunningSystem.start(QueryServiceApplication.builder(), database.queryServiceProperties());
            TrackerHttp queries = RunningSystem.http(survivor);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(owners(queries))
                    .as("each processor's segments, split between the two instances")
                    .allSatisfy((projection, owners) -> assertThat(owners).hasSize(2)));

            List<String> during = ids("during", 8);
            CompletableFuture<Void> logging = CompletableFuture.runAsync(() -> log(commands, during));
            await().atMost(Duration.ofSeconds(60)).until(() -> positions(queries).values().stream()
                    .allMatch(position -> position > 0));
            killed.destroyForcibly().waitFor();
            assertThat(killed.exitValue()).isNotZero();
            logging.get();

            ReadModelFixtures.awaitCaughtUp(queries);
            assertThat(owners(queries)).allSatisfy((projection, owners) -> assertThat(owners).hasSize(1));
            assertThat(queries.call("/api/commitments?size=1").as("officer").get().json().get("total").asLong())
                    .isEqualTo(16);
            String afterTheKill = ReadModelFixtures.checksum(database);

            ReadModelFixtures.replayAll(queries);
            ReadModelFixtures.awaitCaughtUp(queries);

            assertThat(ReadModelFixtures.checksum(database)).isEqualTo(afterTheKill);
        } finally {
            if (killed != null) {
                killed.destroyForcibly();
            }
            if (survivor != null) {
                survivor.close();
            }
            commandService.close();
        }
    }

    private static void log(TrackerHttp commands, List<String> ids) {
        try {
            ReadModelFixtures.logAYearOfFacts(commands, ids);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> ids(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(prefix + "-" + i + "-" + UUID.randomUUID().toString().substring(0, 6));
        }
        return ids;
    }

    /** The segments the given instance holds, over all its processors; 0 while it does not answer yet. */
    private static long claimedSegments(TrackerHttp queries) {
        try {
            TrackerHttp.Response response = queries.call("/api/projections").as("admin").get();
            if (response.status() != 200) {
                return 0;
            }
            long claimed = 0;
            for (JsonNode projection : response.json()) {
                if (!ReadModelFixtures.PROJECTIONS.contains(projection.get("name").asText())) {
                    continue;
                }
                for (JsonNode segment : projection.get("segments")) {
                    if (!segment.get("owner").isNull()) {
                        claimed++;
                    }
                }
            }
            return claimed;
        } catch (java.io.UncheckedIOException notYetListening) {
            return 0;
        }
    }

    private static Map<String, Set<String>> owners(TrackerHttp queries) {
        return projections(queries).stream().collect(Collectors.toMap(p -> p.get("name").asText(),
                p -> StreamSupport.stream(p.get("segments").spliterator(), false)
                        .map(segment -> segment.get("owner").asText()).collect(Collectors.toSet())));
    }

    /** Per processor and segment, how far it has got. */
    private static Map<String, Long> positions(TrackerHttp queries) {
        return projections(queries).stream().flatMap(p -> StreamSupport.stream(p.get("segments").spliterator(), false)
                        .map(segment -> Map.entry(p.get("name").asText() + "/" + segment.get("segment").asInt(),
                                segment.get("position").asLong())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The read models' processors (the feed, with its single segment, is tested on its own). */
    private static List<JsonNode> projections(TrackerHttp queries) {
        return StreamSupport.stream(queries.call("/api/projections").as("admin").get().json().spliterator(), false)
                .filter(projection -> ReadModelFixtures.PROJECTIONS.contains(projection.get("name").asText()))
                .toList();
    }

    /** The query service in a JVM of its own, so that it can be killed like a crashed server. */
    private static Process startQueryServiceProcess(TestDatabase.Database database, int port) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daxoniq.update-checker.disabled=true", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                QueryServiceApplication.class.getName(), "--spring.profiles.active=local", "--server.port=" + port,
                "--tracker.processing.max-segments=2"));
        database.queryServiceProperties().forEach((key, value) -> command.add("--" + key + "=" + value));
        // one event per transaction, so that the kill lands between and inside many of them
        command.add("--tracker.processing.batch-size=1");
        File log = Path.of("target", "killed-query-service.log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
