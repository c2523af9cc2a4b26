package org.commitmenttracker.command.messaging;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

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

    /** A commitment with thousands of events loads from its latest snapshot, not from its first event. */
    @Bean
    SnapshotTriggerDefinition commitmentSnapshotTrigger(Snapshotter snapshotter,
                                                        @Value("${tracker.snapshot-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /** Recently used commitments stay in memory; a stale entry fails on append and is evicted. */
    @Bean
    Cache commitmentCache() {
        return new WeakReferenceCache();
    }

    /**
     * Two writers on one commitment: the loser's append violates the (aggregate, sequence)
     * index and it retries on fresh state, a few times, backing off.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetries) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(ExponentialBackOffIntervalRetryScheduler.builder()
                        .retryExecutor(commandRetries)
                        .backoffFactor(5)
                        .maxRetryCount(8)
                        .build())
                .build();
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService commandRetries() {
        return Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    InitializingBean commandOutcomeRegistration(CommandBus commandBus, EventBus eventBus) {
        return () -> {
            commandBus.registerHandlerInterceptor(new CommandOutcome());
            eventBus.registerDispatchInterceptor(CommandOutcome.eventIdCollector());
        };
    }

    private static void copy(CommandMessage<?> command, String key, Map<String, Object> data) {
        Object value = command.getMetaData().get(key);
        if (value != null) {
            data.put(key, value);
        }
    }
}
