package org.commitmenttracker.local;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A Kafka broker in this JVM for the local stack (TRACKER_LOCAL_KAFKA=true): spring-kafka-test's
 * KRaft broker, real Kafka, on a fixed port so that a console consumer can reach it. Its log
 * lives in a temporary directory: the topic starts empty at each start, and the query service's
 * kafka processor, whose token is in PostgreSQL, publishes only what is new.
 */
final class LocalKafka implements AutoCloseable {

    static final String TOPIC = "commitment-events";

    private final EmbeddedKafkaKraftBroker broker;
    private final int port;

    private LocalKafka(EmbeddedKafkaKraftBroker broker, int port) {
        this.broker = broker;
        this.port = port;
    }

    static LocalKafka start(int port) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 6, TOPIC);
        broker.brokerProperty("listeners", "EXTERNAL://localhost:" + port + ",CONTROLLER://localhost:0");
        broker.afterPropertiesSet();
        return new LocalKafka(broker, port);
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    String banner() {
        return """
                 Kafka (in this JVM)  %1$s, topic '%2$s': every event as a CloudEvent
                   consume:  kafka-console-consumer.sh --bootstrap-server %1$s --topic %2$s \\
                               --from-beginning --property print.key=true --property print.headers=true
                """.formatted(bootstrapServers(), TOPIC);
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
