package org.commitmenttracker.query.processing;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;

/**
 * The processors' tracking tokens and dead letters live in the query schema, beside the read
 * models they guard, so that a read model's rows, its token and its parked events change in one
 * transaction.
 */
@Configuration(proxyBeanMethods = false)
class ProcessingConfiguration {

    /**
     * The event store as the processors read it. This service never appends, so no local
     * publication wakes the readers: they poll, and the fetch delay bounds how stale a read
     * model gets (Axon's default, 1 s, made the lag's p99 above 1 s in the benchmark).
     */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  @Value("${tracker.processing.fetch-delay:20ms}") Duration fetchDelay) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelay.toMillis())
                .build();
    }

    /**
     * What the read models' processors read (each names it as its {@code source}): the event
     * store, with a wake-up every {@code tick} (see {@link WakingEventSource}).
     */
    @Bean
    WakingEventSource processorEventSource(EmbeddedEventStore eventStore,
                                           @Value("${tracker.processing.wake-up:50ms}") Duration tick) {
        return new WakingEventSource(eventStore, tick);
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("query.token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * Axon's JDBC token store as its auto-configuration builds it, but with a token owner name of
     * this instance's own ({@code tracker.processing.node-id}, e.g. the pod's name). Axon's default
     * owner is the JVM's name ({@code pid@host}), the same for every instance in one JVM: two
     * instances of one owner name each take the other's segments as their own, and publish the
     * same events twice. Unset, the JVM's name and a random suffix: unique per start.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
                          TokenStoreProperties tokenStoreProperties,
                          @Value("${tracker.processing.node-id:}") String nodeId) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(tokenSchema)
                .serializer(serializer)
                .claimTimeout(tokenStoreProperties.getClaimTimeout())
                .nodeId(nodeId.isBlank()
                        ? ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8)
                        : nodeId)
                .build();
    }

    /** The table of migration V2; Axon's JDBC dead-letter queue of every processing group with {@code dlq.enabled}. */
    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("query.dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    /**
     * How many segments of each processor one instance claims at most (0: all it can). With
     * several instances, a limit makes them split the work; a dead instance's segments are
     * claimed by the others once its claims time out, within their own limits.
     */
    @Bean
    ConfigurerModule segmentsPerInstance(@Value("${tracker.processing.max-segments:0}") int maxSegments) {
        return configurer -> {
            if (maxSegments > 0) {
                configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                        (configuration, builder) -> builder.maxClaimedSegments(maxSegments));
            }
        };
    }

    /**
     * A replay clears the dead letters of its processing group: the replay delivers those events
     * again, and a parked sequence would otherwise swallow every event of its commitment.
     */
    @Bean
    ConfigurerModule deadLettersClearedOnReplay(EventProcessorProperties properties) {
        return configurer -> properties.getProcessors().forEach((name, settings) -> {
            if (settings.getDlq().isEnabled()) {
                configurer.eventProcessing().registerDeadLetteringEventHandlerInvokerConfiguration(name,
                        (configuration, builder) -> builder.allowReset(true));
            }
        });
    }
}
