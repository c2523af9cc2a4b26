package org.commitmenttracker.query.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Publishing every event to Kafka (off unless {@code bootstrapServers} is set): the topic, its
 * partitions and replication factor when this service creates it, the processor's segments and
 * batch size, how long a batch waits for the broker's acknowledgement ({@code deliveryTimeout})
 * and for the feed to number its events ({@code feedWait}).
 */
@ConfigurationProperties("tracker.kafka")
public record KafkaProperties(String bootstrapServers, String topic, Integer partitions, Short replicationFactor,
                              Integer segments, Integer batchSize, Duration deliveryTimeout, Duration feedWait) {

    public KafkaProperties {
        topic = topic == null || topic.isBlank() ? "commitment-events" : topic;
        partitions = partitions == null ? 6 : partitions;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        segments = segments == null ? 4 : segments;
        batchSize = batchSize == null ? 100 : batchSize;
        deliveryTimeout = deliveryTimeout == null ? Duration.ofSeconds(30) : deliveryTimeout;
        feedWait = feedWait == null ? Duration.ofSeconds(10) : feedWait;
        if (deliveryTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("tracker.kafka.delivery-timeout must be at least 1s");
        }
    }
}
