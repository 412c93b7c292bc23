package dev.tributary.gateway.tracing;

import dev.tributary.core.source.DispatchResult;
import dev.tributary.core.source.EventDispatch;
import io.cloudevents.CloudEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * An {@link EventDispatch} recording one span per call, {@code ingress SOURCE} (kind consumer):
 * from the dispatch to its {@link DispatchResult}, with attributes {@code tributary.source},
 * {@code tributary.events}, {@code tributary.deliveries} and {@code tributary.failures}, status
 * error when the result is not safe. Its parent is chosen by {@link TraceContexts#parentOf} from the
 * transport's fields, the events and the current context; it is
 * the current span while the delegate starts the deliveries, which makes it their parent.
 */
final class IngressSpans implements EventDispatch {

    private final Tracer tracer;
    private final EventDispatch delegate;

    IngressSpans(Tracer tracer, EventDispatch delegate) {
        this.tracer = tracer;
        this.delegate = delegate;
    }

    @Override
    public CompletableFuture<DispatchResult> dispatch(String sourceName, List<CloudEvent> events) {
        return dispatch(sourceName, events, Map.of());
    }

    @Override
    public CompletableFuture<DispatchResult> dispatch(
            String sourceName, List<CloudEvent> events, Map<String, String> transportFields) {
        Context parent = TraceContexts.parentOf(Context.current(), transportFields, events);
        Span span = tracer.spanBuilder("ingress " + sourceName)
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("tributary.source", sourceName)
                .setAttribute("tributary.events", events.size())
                .startSpan();
        CompletableFuture<DispatchResult> result;
        try (Scope ignored = parent.with(span).makeCurrent()) {
            result = delegate.dispatch(sourceName, events, transportFields);
        } catch (RuntimeException | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            span.end();
            throw e;
        }
        return result.whenComplete((outcome, error) -> {
            if (outcome != null) {
                span.setAttribute("tributary.deliveries", outcome.deliveries());
                span.setAttribute("tributary.failures", outcome.failures().size());
                if (!outcome.isSafe()) {
                    span.setStatus(StatusCode.ERROR, outcome.failures().get(0));
                }
            }
            span.end();
        });
    }
}
