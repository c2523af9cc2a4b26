package org.commitmenttracker.query.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.commitmenttracker.query.feed.Feed;
import org.commitmenttracker.query.feed.FeedCloudEvents;
import org.commitmenttracker.query.feed.FeedGrowth;
import org.commitmenttracker.query.processing.WakingEventSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * Every event on Kafka (architecture.md, "Scaling past one machine"), only where
 * {@code tracker.kafka.bootstrap-servers} ({@code TRACKER_KAFKA_BOOTSTRAP_SERVERS}) is set:
 * otherwise there is neither the processor nor any Kafka bean (Boot's Kafka auto-configuration
 * is excluded in query-service.properties).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${tracker.kafka.bootstrap-servers:}'.isBlank()")
@EnableConfigurationProperties(KafkaProperties.class)
class KafkaPublishing {

    /**
     * Idempotent, {@code acks=all}: a retried send is written once, and only an event every
     * in-sync replica has is acknowledged. At most five requests in flight keep the order per
     * partition with idempotence on. The CloudEvent goes in binary mode: attributes as
     * {@code ce_} headers, the data as the record's value.
     */
    @Bean
    ProducerFactory<String, CloudEvent> cloudEventProducerFactory(KafkaProperties properties) {
        int deliveryTimeout = (int) properties.deliveryTimeout().toMillis();
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class);
        config.put(CloudEventSerializer.ENCODING_CONFIG, "BINARY");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms.
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(deliveryTimeout / 2, 10_000));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeout);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, deliveryTimeout);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "commitment-tracker-query");
        return new DefaultKafkaProducerFactory<>(config);
    }

    @Bean
    KafkaTemplate<String, CloudEvent> cloudEventKafkaTemplate(ProducerFactory<String, CloudEvent> producers) {
        return new KafkaTemplate<>(producers);
    }

    /** Creates the topic at start when it is missing; a broker that is down does not stop the service. */
    @Bean
    KafkaAdmin kafkaAdmin(KafkaProperties properties) {
        KafkaAdmin admin = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers()));
        admin.setFatalIfBrokerNotAvailable(false);
        admin.setOperationTimeout(10);
        return admin;
    }

    @Bean
    NewTopic eventsTopic(KafkaProperties properties) {
        return new NewTopic(properties.topic(), properties.partitions(), properties.replicationFactor());
    }

    @Bean
    KafkaPublisher kafkaPublisher(Feed feed, FeedGrowth growth, FeedCloudEvents cloudEvents,
                                  KafkaTemplate<String, CloudEvent> template, ProducerFactory<String, CloudEvent> producers,
                                  KafkaProperties properties) {
        return new KafkaPublisher(feed, growth, cloudEvents, template, producers, properties);
    }

    /**
     * The publisher's pooled streaming processor, set up as the read models' are (its token in
     * {@code query.token_entry}), but with no dead-letter queue: an event that cannot be sent
     * fails its batch, to be taken again, rather than being parked and passed over.
     */
    @Bean
    ConfigurerModule kafkaProcessor(KafkaProperties properties, ObjectProvider<WakingEventSource> processorEventSource) {
        // the source is taken when Axon builds the processor: the event store needs Axon's configuration first
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(KafkaPublisher.NAME,
                        configuration -> processorEventSource.getObject(),
                        (configuration, builder) -> builder
                                .initialSegmentCount(properties.segments())
                                .batchSize(properties.batchSize())
                                .tokenClaimInterval(1000))
                .registerListenerInvocationErrorHandler(KafkaPublisher.NAME,
                        configuration -> PropagatingErrorHandler.instance());
    }
}
