package org.commitmenttracker.query.processing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.config.EventProcessingConfiguration;
import org.commitmenttracker.service.web.CorrelationIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * What an operator watches of the processors besides Axon's own meters: each read model's lag
 * and dead letters and the size of the event log as gauges, the processors in the readiness
 * probe, the correlation id of the event being applied in every log line of a projection, and
 * the trace of the request that recorded it.
 */
@Configuration(proxyBeanMethods = false)
class ProcessingObservability {

    static final String LAG = "tracker.projection.lag";
    static final String DEAD_LETTERS = "tracker.projection.dead.letters";
    static final String EVENTS = "tracker.events.stored";

    /** The correlation id of the command that caused the event, in the MDC while a projection applies it. */
    @Autowired
    void correlationIdsInLogs(EventProcessingConfigurer processing) {
        processing.registerDefaultHandlerInterceptor((configuration, name) -> new CorrelationIdInLogs());
    }

    /** Each event applied within the trace of the request that recorded it (TraceContinuation). */
    @Autowired
    void tracesContinued(EventProcessingConfigurer processing, ObjectProvider<Tracer> tracer,
                         ObjectProvider<Propagator> propagator,
                         @Value("${tracker.tracing.continue-within:5m}") Duration continueWithin) {
        processing.registerDefaultHandlerInterceptor((configuration, name) -> new TraceContinuation(name,
                tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP),
                continueWithin, Clock.systemUTC()));
    }

    @Bean
    MeterBinder projectionMeters(ProjectionOperations operations, EventProcessingConfiguration processing) {
        return registry -> {
            // One look at the database serves every gauge of a scrape.
            StatusSnapshot snapshot = new StatusSnapshot(operations, Clock.systemUTC(), Duration.ofSeconds(1));
            new TreeMap<>(processing.eventProcessors()).forEach((name, processor) -> {
                if (processor instanceof StreamingEventProcessor) {
                    gauge(registry, LAG, "Events in the log this read model has not applied yet", name,
                            snapshot, ProjectionStatus::lag);
                    gauge(registry, DEAD_LETTERS, "Events this read model parked because it could not apply them", name,
                            snapshot, ProjectionStatus::deadLetters);
                }
            });
            Gauge.builder(EVENTS, snapshot, s -> s.value(null, ProjectionStatus::headPosition))
                    .description("Position of the newest event in the log (its size, gaps aside)")
                    .strongReference(true)
                    .register(registry);
        };
    }

    private static void gauge(MeterRegistry registry, String meter, String description, String projection,
                              StatusSnapshot snapshot, ToDoubleFunction<ProjectionStatus> value) {
        Gauge.builder(meter, snapshot, s -> s.value(projection, value))
                .description(description)
                .tag("projection", projection)
                // the snapshot lives only in these gauges (Micrometer's default reference is weak)
                .strongReference(true)
                .register(registry);
    }

    /** Readiness: DOWN while a processor is in error (e.g. it cannot reach the database). */
    @Bean
    HealthIndicator processorsHealthIndicator(EventProcessingConfiguration processing) {
        return () -> {
            Map<String, String> states = new TreeMap<>();
            boolean error = false;
            for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
                if (entry.getValue() instanceof StreamingEventProcessor processor) {
                    boolean failing = processor.isError()
                            || processor.processingStatus().values().stream().anyMatch(s -> s.isErrorState());
                    error |= failing;
                    states.put(entry.getKey(), failing ? "ERROR" : processor.isRunning() ? "RUNNING" : "STOPPED");
                }
            }
            return (error ? Health.down() : Health.up()).withDetails(Map.copyOf(states)).build();
        };
    }

    /** The statuses of all processors, read at most once a second however many gauges ask. */
    static final class StatusSnapshot {

        private static final Logger log = LoggerFactory.getLogger(StatusSnapshot.class);

        private final ProjectionOperations operations;
        private final Clock clock;
        private final Duration maxAge;
        private List<ProjectionStatus> statuses = List.of();
        private Instant readAt = Instant.MIN;
        private boolean failed;

        StatusSnapshot(ProjectionOperations operations, Clock clock, Duration maxAge) {
            this.operations = operations;
            this.clock = clock;
            this.maxAge = maxAge;
        }

        /** NaN when the database cannot be asked: Prometheus then shows a gap rather than a stale number. */
        synchronized double value(String projection, ToDoubleFunction<ProjectionStatus> value) {
            Instant now = clock.instant();
            if (readAt.plus(maxAge).isBefore(now)) {
                readAt = now;
                try {
                    statuses = operations.statuses();
                    failed = false;
                } catch (RuntimeException e) {
                    if (!failed) {
                        log.warn("Cannot read the processors' status for the metrics: {}", e.toString());
                    }
                    failed = true;
                }
            }
            if (failed) {
                return Double.NaN;
            }
            return statuses.stream()
                    .filter(status -> projection == null || status.name().equals(projection))
                    .findFirst()
                    .map(value::applyAsDouble)
                    .orElse(Double.NaN);
        }
    }

    /** Puts the event's correlation id (command metadata) into the MDC for the handler's log lines. */
    static final class CorrelationIdInLogs implements MessageHandlerInterceptor<EventMessage<?>> {

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
            Object correlationId = unitOfWork.getMessage().getMetaData().get(CorrelationIds.MDC_KEY);
            if (correlationId == null) {
                return chain.proceed();
            }
            try (MDC.MDCCloseable ignored = MDC.putCloseable(CorrelationIds.MDC_KEY, correlationId.toString())) {
                return chain.proceed();
            }
        }
    }
}
