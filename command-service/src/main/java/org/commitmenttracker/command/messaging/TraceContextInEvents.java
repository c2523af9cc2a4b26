package org.commitmenttracker.command.messaging;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * The trace of the request that sent a command, in the metadata of every event the command
 * records (W3C {@code traceparent}), so that the query service's projections continue that trace
 * when they apply the event. Commands run on the request's thread, where its span is current; a
 * command without one (the fact-sheet import at start) records no trace.
 */
final class TraceContextInEvents implements CorrelationDataProvider {

    private final Tracer tracer;
    private final Propagator propagator;

    TraceContextInEvents(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        TraceContext current = tracer.currentTraceContext().context();
        if (current == null) {
            return Map.of();
        }
        Map<String, String> headers = new HashMap<>();
        propagator.inject(current, headers, Map::put);
        return headers;
    }
}
