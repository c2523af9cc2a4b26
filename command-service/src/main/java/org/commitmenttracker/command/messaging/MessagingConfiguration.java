package org.commitmenttracker.command.messaging;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    /**
     * The metadata every event carries (domain.md): who, the correlation id, the command that
     * caused it, the idempotency key. It replaces Axon's default origin provider.
     */
    @Bean
    CorrelationDataProvider commandOrigin() {
        return (Message<?> message) -> {
            Map<String, Object> data = new HashMap<>();
            if (message instanceof CommandMessage<?> command) {
                copy(command, CommandContext.ACTOR, data);
                copy(command, CommandContext.CORRELATION_ID, data);
                copy(command, CommandContext.IDEMPOTENCY_KEY, data);
                data.put(CommandContext.CAUSATION_ID, command.getIdentifier());
            }
            return data;
        };
    }

    /** The request's trace in every event's metadata (TraceContextInEvents); nothing when tracing is off. */
    @Bean
    CorrelationDataProvider traceContext(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceContextInEvents(tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    /** A commitment with thousands of events loads from its latest snapshot, not from its first event. */
    @Bean
    SnapshotTriggerDefinition commitmentSnapshotTrigger(Snapshotter snapshotter,
                                                        @Value("${tracker.snapshot-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * Every command names its commitment ({@link CommitmentCommand}) and none names a version
     * (If-Match travels as metadata): Axon's default resolver looked both up by reflection on
     * the command's annotations, for every command.
     */
    @Bean
    CommandTargetResolver commitmentTargetResolver() {
        return command -> {
            String commitmentId = ((CommitmentCommand) command.getPayload()).commitmentId();
            if (commitmentId == null) {
                throw new IllegalArgumentException("Invalid command. " + command.getPayloadType().getSimpleName()
                        + " names no commitment.");
            }
            return new VersionedAggregateIdentifier(commitmentId, null);
        };
    }

    /** Recently used commitments stay in memory; a stale entry fails on append and is evicted. */
    @Bean
    Cache commitmentCache(@Value("${tracker.aggregate-cache.size:10000}") int size) {
        return new LruCache(size);
    }

    /** Says after each commit that events were appended, so that the read models follow at once. */
    @Bean(destroyMethod = "close")
    AppendedEventsNotifier appendedEventsNotifier(JdbcTemplate jdbc) {
        return new AppendedEventsNotifier(jdbc);
    }

    @Bean
    InitializingBean commandInterceptors(CommandBus commandBus, EventBus eventBus, IdempotencyKeys keys,
                                         AppendedEventsNotifier notifier,
                                         @Value("${tracker.idempotency.wait:10s}") Duration wait) {
        return () -> {
            // The first registered is the outermost: the recorder sees the finished CommandResult.
            commandBus.registerHandlerInterceptor(new IdempotencyRecorder(keys, wait));
            commandBus.registerHandlerInterceptor(new CommandOutcome());
            // First: every later interceptor sees the event id the integrity chain covers.
            eventBus.registerDispatchInterceptor(ChainedIdentity.interceptor());
            eventBus.registerDispatchInterceptor(CommandOutcome.eventIdCollector());
            eventBus.registerDispatchInterceptor(notifier.interceptor());
        };
    }

    private static void copy(CommandMessage<?> command, String key, Map<String, Object> data) {
        Object value = command.getMetaData().get(key);
        if (value != null) {
            data.put(key, value);
        }
    }
}
