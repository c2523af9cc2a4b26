package org.commitmenttracker.query.processing;

import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
     * publication wakes its producer: the command service's notifications do
     * ({@link #appendedEventsListener}), and between them it polls every fetch delay (Axon's
     * default, 1 s, made the lag's p99 above 1 s in the benchmark before there were notifications).
     * Each fetch of new events wakes the processors ({@link FetchWakingStorageEngine}).
     */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    ListeningEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                   ProcessorWaker processorWaker,
                                   @Value("${tracker.processing.fetch-delay:20ms}") Duration fetchDelay) {
        return new ListeningEventStore(EmbeddedEventStore.builder()
                .storageEngine(new FetchWakingStorageEngine(storageEngine, processorWaker))
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelay.toMillis()));
    }

    /** Wakes the processors after each fetch of new events, and every {@code tick} in case one was missed. */
    @Bean(destroyMethod = "close")
    ProcessorWaker processorWaker(@Value("${tracker.processing.wake-up:50ms}") Duration tick) {
        return new ProcessorWaker(tick);
    }

    /** What the read models' processors read (each names it as its {@code source}): the event store, woken. */
    @Bean
    WakingEventSource processorEventSource(ListeningEventStore eventStore, ProcessorWaker processorWaker) {
        return new WakingEventSource(eventStore, processorWaker);
    }

    /**
     * The command service's notifications of appended events, heard on a connection of its own
     * (not the pool's: it is held for as long as the service runs). Off
     * ({@code tracker.processing.listen=false}) where connections cannot listen, e.g. behind a
     * pooler in transaction mode: then the read models follow by polling alone.
     */
    @Bean
    @ConditionalOnProperty(name = "tracker.processing.listen", havingValue = "true", matchIfMissing = true)
    AppendedEventsListener appendedEventsListener(DataSourceProperties database, ListeningEventStore eventStore,
                                                  @Value("${tracker.processing.listen-retry:1s}") Duration retry) {
        return new AppendedEventsListener(database.initializeDataSourceBuilder().type(SimpleDriverDataSource.class)
                .build(), eventStore, retry);
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

    /** The table of migration V2: the dead-letter queue of every read model whose processor parks failures. */
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
     * Every read model's processor, with what they all share: pooled, reading
     * {@link #processorEventSource} in batches, looking for unclaimed segments every
     * {@code token-claim-interval} (Axon's default, 5 s, left a processor stopped by a database
     * outage idle that long after it), each claiming at most {@code max-segments} (0: all it
     * can; with several instances a limit makes them split the work, and a dead instance's
     * segments go to the others once its claims time out). A processor that parks failures gets
     * a dead-letter queue in {@code query.dead_letter_entry}, with the cache that spares Axon a
     * look at that table before every event (a round trip per event in the replay's profile),
     * and a replay clears it: the replay delivers those events again, and a parked sequence would
     * otherwise swallow every event of its commitment. A processor that commits asynchronously
     * ({@link ReadModelProcessor#committingAsynchronously()}) does so unless
     * {@code tracker.processing.asynchronous-commit} is false.
     */
    @Bean
    ConfigurerModule readModelProcessors(List<ReadModelProcessor> processors,
                                         ObjectProvider<WakingEventSource> processorEventSource,
                                         ObjectProvider<ConnectionProvider> connections,
                                         ObjectProvider<DeadLetterSchema> deadLetterSchema,
                                         JdbcClient jdbc,
                                         @Value("${tracker.processing.asynchronous-commit:true}") boolean asynchronousCommit,
                                         @Value("${tracker.processing.batch-size:100}") int batchSize,
                                         @Value("${tracker.processing.token-claim-interval:1s}") Duration claimInterval,
                                         @Value("${tracker.processing.max-segments:0}") int maxSegments) {
        // the source and the queue's parts are taken when Axon builds the processors: the event store needs Axon's configuration first
        return configurer -> processors.forEach(processor -> {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            processing.registerPooledStreamingEventProcessor(processor.name(),
                    configuration -> processorEventSource.getObject(),
                    (configuration, builder) -> {
                        ScheduledExecutorService workers = Executors.newScheduledThreadPool(processor.threads(),
                                new AxonThreadFactory("WorkPackage[" + processor.name() + "]"));
                        configuration.onShutdown(workers::shutdown);
                        builder.workerExecutor(workers)
                                .initialSegmentCount(processor.segments())
                                .batchSize(batchSize)
                                .tokenClaimInterval(claimInterval.toMillis())
                                // A segment with nothing of its own to handle stores its token only
                                // when it extends its claim (Axon's default: every 5 s); a replay's
                                // switch-over reads the stored tokens and waited that long.
                                .claimExtensionThreshold(claimInterval.toMillis());
                        return maxSegments > 0 ? builder.maxClaimedSegments(maxSegments) : builder;
                    });
            if (asynchronousCommit && processor.asynchronousCommit()) {
                AsynchronousCommit withoutWaiting = new AsynchronousCommit(jdbc);
                processing.registerHandlerInterceptor(processor.name(), configuration -> withoutWaiting);
            }
            if (processor.parksFailures()) {
                processing.registerDeadLetterQueue(processor.name(), configuration -> JdbcSequencedDeadLetterQueue.builder()
                                .processingGroup(processor.name())
                                .connectionProvider(connections.getObject())
                                .transactionManager(configuration.getComponent(TransactionManager.class))
                                .schema(deadLetterSchema.getObject())
                                .genericSerializer(configuration.serializer())
                                .eventSerializer(configuration.eventSerializer())
                                .build())
                        .registerDeadLetteringEventHandlerInvokerConfiguration(processor.name(),
                                (configuration, builder) -> builder.enableSequenceIdentifierCache().allowReset(true));
            }
        });
    }
}
