package org.commitmenttracker.query.processing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Clock;
import java.time.Duration;

/**
 * Applying an event continues the trace of the request that recorded it: a span
 * {@code apply <Event>} whose parent is the command service's span named in the event's
 * metadata ({@code traceparent}), so one trace runs from the HTTP command to each projection.
 * Only for events recorded within {@code continueWithin}: a replay re-applies old events, whose
 * traces ended long ago, and is not traced (nor pays for spans).
 */
final class TraceContinuation implements MessageHandlerInterceptor<EventMessage<?>> {

    static final String TRACEPARENT = "traceparent";

    private final String processor;
    private final Tracer tracer;
    private final Propagator propagator;
    private final Duration continueWithin;
    private final Clock clock;

    TraceContinuation(String processor, Tracer tracer, Propagator propagator, Duration continueWithin, Clock clock) {
        this.processor = processor;
        this.tracer = tracer;
        this.propagator = propagator;
        this.continueWithin = continueWithin;
        this.clock = clock;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        EventMessage<?> event = unitOfWork.getMessage();
        if (!event.getMetaData().containsKey(TRACEPARENT)
                || event.getTimestamp().isBefore(clock.instant().minus(continueWithin))) {
            return chain.proceed();
        }
        Span span = propagator.extract(event.getMetaData(), TraceContinuation::header)
                .name("apply " + event.getPayloadType().getSimpleName())
                .kind(Span.Kind.CONSUMER)
                .tag("tracker.processor", processor)
                .tag("tracker.event.id", event.getIdentifier())
                .start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            return chain.proceed();
        } catch (Exception | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private static String header(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
