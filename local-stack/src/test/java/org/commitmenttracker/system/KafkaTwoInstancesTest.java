package org.commitmenttracker.system;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.commitmenttracker.command.CommandServiceApplication;
import org.commitmenttracker.query.QueryServiceApplication;
import org.commitmenttracker.testsupport.TestDatabase;
import org.commitmenttracker.testsupport.TestKafka;
import org.commitmenttracker.testsupport.TrackerHttp;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two query-service instances on one database and one broker (in this JVM, each under its own
 * token owner name, {@code tracker.processing.node-id}): the kafka processor's segments split
 * between them, each event is published once, by the instance that owns its segment; when one
 * stops, the other takes its segments over and nothing is lost.
 */
class KafkaTwoInstancesTest {

    private static final String PROCESSOR = "kafka";

    @Test
    void twoInstancesSplitTheSegmentsEachEventIsPublishedOnceAndTheOtherTakesOverWhenOneStops() throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        List<ConfigurableApplicationContext> started = new ArrayList<>();
        try (TestKafka.Broker broker = TestKafka.start(KafkaTopic.TOPIC, 3)) {
            TestDatabase.Database database = RunningSystem.newDatabase();
            ConfigurableApplicationContext commandService = RunningSystem.start(CommandServiceApplication.builder(),
                    database.commandServiceProperties());
            started.add(commandService);
            TrackerHttp commands = RunningSystem.http(commandService);
            Map<String, Object> properties = new HashMap<>(database.queryServiceProperties());
            properties.put("tracker.kafka.bootstrap-servers", broker.bootstrapServers());
            properties.put("tracker.kafka.delivery-timeout", "15s");

            ConfigurableApplicationContext first = RunningSystem.start(QueryServiceApplication.builder(),
                    with(properties, "query-a"));
            started.add(first);
            await().atMost(Duration.ofSeconds(60)).until(() -> claimed(first) == 4);
            ConfigurableApplicationContext second = RunningSystem.start(QueryServiceApplication.builder(),
                    with(properties, "query-b"));
            started.add(second);
            // the first hands segments 2 and 3 over, as an operator balances instances; the second claims them
            processor(first).releaseSegment(2, 10, TimeUnit.MINUTES);
            processor(first).releaseSegment(3, 10, TimeUnit.MINUTES);
            // (the token table first, the instance's own status a moment after)
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(owners(database)).as("the owner of each segment of the kafka processor")
                        .isEqualTo(Map.of(0, "query-a", 1, "query-a", 2, "query-b", 3, "query-b"));
                assertThat(List.of(claimed(first), claimed(second))).containsExactly(2, 2);
            });

            // commitments whose events fall in the segments of each instance
            List<String> split = new ArrayList<>();
            split.addAll(ids(2, segment -> segment < 2));
            split.addAll(ids(2, segment -> segment >= 2));
            ReadModelFixtures.logAYearOfFacts(commands, split);
            try (KafkaTopic topic = new KafkaTopic(broker.bootstrapServers())) {
                assertEachEventOnceInOrder(database, topic, split);
            }
            // (on a loaded machine a batch slower than the claim timeout lets the other instance take its segment
            // over once the batch has committed: still once, as asserted above)

            // the first stops (releasing its claims); the second takes its segments over
            first.close();
            started.remove(first);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(owners(database)).isEqualTo(Map.of(0, "query-b", 1, "query-b", 2, "query-b", 3, "query-b"));
                assertThat(claimed(second)).isEqualTo(4);
            });
            List<String> afterwards = ids(2, segment -> segment < 2);
            ReadModelFixtures.logAYearOfFacts(commands, afterwards);
            List<String> all = new ArrayList<>(split);
            all.addAll(afterwards);
            try (KafkaTopic topic = new KafkaTopic(broker.bootstrapServers())) {
                assertEachEventOnceInOrder(database, topic, all);
            }
        } finally {
            java.util.Collections.reverse(started);
            started.forEach(ConfigurableApplicationContext::close);
        }
    }

    /** Every event of the commitments on the topic exactly once, each commitment's in the order of its stream. */
    private static void assertEachEventOnceInOrder(TestDatabase.Database database, KafkaTopic topic, List<String> ids)
            throws Exception {
        long expected = 0;
        for (String id : ids) {
            expected += eventIds(database, id).size();
        }
        long total = expected;
        topic.awaitReceived(Duration.ofSeconds(120), r -> KafkaTopic.of(r, ids).size() >= total);
        // a moment more: a repeat would arrive now
        List<ConsumerRecord<String, CloudEvent>> records = KafkaTopic.of(
                topic.awaitReceived(Duration.ofSeconds(5), r -> true), ids);
        assertThat(records).as("one record per event").hasSize((int) expected);
        for (String id : ids) {
            assertThat(records.stream().filter(r -> r.key().equals(id)).map(r -> r.value().getId()))
                    .as("the events of %s, once each, in the order of their stream", id)
                    .containsExactlyElementsOf(eventIds(database, id));
        }
    }

    private static Map<String, Object> with(Map<String, Object> properties, String nodeId) {
        Map<String, Object> own = new HashMap<>(properties);
        own.put("tracker.processing.node-id", nodeId);
        return own;
    }

    private static StreamingEventProcessor processor(ConfigurableApplicationContext instance) {
        return instance.getBean(EventProcessingConfiguration.class)
                .eventProcessor(PROCESSOR, StreamingEventProcessor.class).orElseThrow();
    }

    /** The segments of the kafka processor this instance works on. */
    private static int claimed(ConfigurableApplicationContext instance) {
        return processor(instance).processingStatus().size();
    }

    /** Commitment ids whose events fall (by Axon's sequencing per aggregate) in a segment that {@code segments} accepts. */
    private static List<String> ids(int count, IntPredicate segments) {
        List<String> ids = new ArrayList<>();
        while (ids.size() < count) {
            String id = "kafka-two-" + UUID.randomUUID().toString().substring(0, 8);
            for (int segment = 0; segment < 4; segment++) {
                if (segments.test(segment) && Segment.computeSegment(segment, 0, 1, 2, 3).matches(id)) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /** Who holds each segment of the kafka processor, as the token table says. */
    private static Map<Integer, String> owners(TestDatabase.Database database) throws Exception {
        try (var owner = java.sql.DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(),
                database.credentials().ownerPassword());
             var statement = owner.prepareStatement(
                     "SELECT segment, owner FROM query.token_entry WHERE processor_name = ?")) {
            statement.setString(1, PROCESSOR);
            Map<Integer, String> owners = new TreeMap<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    owners.put(rows.getInt(1), String.valueOf(rows.getString(2)));
                }
            }
            return owners;
        }
    }

    private static List<String> eventIds(TestDatabase.Database database, String id) throws Exception {
        try (var owner = java.sql.DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(),
                database.credentials().ownerPassword());
             var statement = owner.prepareStatement("SELECT event_identifier FROM events.domain_event_entry "
                     + "WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            statement.setString(1, id);
            List<String> ids = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }
}
