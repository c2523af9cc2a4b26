package org.commitmenttracker.system;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** A consumer of the events topic, as an integrator runs one: from the earliest offset, a group of its own. */
final class KafkaTopic implements AutoCloseable {

    static final String TOPIC = "commitment-events";

    private final KafkaConsumer<String, CloudEvent> consumer;
    private final List<ConsumerRecord<String, CloudEvent>> received = new CopyOnWriteArrayList<>();

    KafkaTopic(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new CloudEventDeserializer());
        consumer.subscribe(List.of(TOPIC));
    }

    /** Polls until what was received satisfies {@code done}; answers every record received so far. */
    List<ConsumerRecord<String, CloudEvent>> awaitReceived(Duration atMost,
                                                           Predicate<List<ConsumerRecord<String, CloudEvent>>> done) {
        await().atMost(atMost).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            return done.test(List.copyOf(received));
        });
        return List.copyOf(received);
    }

    /** The records of these commitments, in the order received. */
    static List<ConsumerRecord<String, CloudEvent>> of(List<ConsumerRecord<String, CloudEvent>> records,
                                                       List<String> commitmentIds) {
        return records.stream().filter(r -> commitmentIds.contains(r.key())).toList();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
