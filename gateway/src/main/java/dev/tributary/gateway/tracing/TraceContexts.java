package dev.tributary.gateway.tracing;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * W3C trace context in and out of the gateway's carriers: request headers and message
 * attributes (maps), and the CloudEvents distributed-tracing extension ({@code traceparent},
 * {@code tracestate} attributes of the event).
 */
final class TraceContexts {

    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private static final TextMapGetter<CloudEvent> EXTENSIONS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(CloudEvent carrier) {
            return carrier.getExtensionNames();
        }

        @Override
        public String get(CloudEvent carrier, String key) {
            Object value = carrier == null ? null : carrier.getExtension(key);
            return value == null ? null : value.toString();
        }
    };

    private TraceContexts() {}

    /**
     * The parent of an ingress span: the W3C context of {@code transportFields} (a push request's
     * headers, a queue message's attributes) when valid, else {@code current} when it holds a
     * valid span (a reply dispatched from a delivery), else the distributed-tracing extension of
     * the first of {@code events} that carries one, else {@code current}.
     */
    static Context parentOf(Context current, Map<String, String> transportFields, List<CloudEvent> events) {
        if (transportFields.containsKey(TRACEPARENT)) {
            Context extracted = W3C.extract(Context.root(), transportFields, MAP);
            if (Span.fromContext(extracted).getSpanContext().isValid()) {
                return extracted;
            }
        }
        if (Span.fromContext(current).getSpanContext().isValid()) {
            return current;
        }
        for (CloudEvent event : events) {
            if (event.getExtension(TRACEPARENT) != null) {
                Context extracted = W3C.extract(current, event, EXTENSIONS);
                if (Span.fromContext(extracted).getSpanContext().isValid()) {
                    return extracted;
                }
            }
        }
        return current;
    }

    /**
     * {@code event} with the distributed-tracing extension set to {@code context}'s span, as the
     * extension's specification asks of a hop that also sends the {@code traceparent} header: the
     * same trace information in both. A {@code tracestate} the context does not carry is removed.
     */
    static CloudEvent stamp(CloudEvent event, Context context) {
        Map<String, String> fields = new HashMap<>(2);
        W3C.inject(context, fields, Map::put);
        if (fields.isEmpty()) {
            return event;
        }
        CloudEventBuilder stamped = CloudEventBuilder.from(event).withExtension(TRACEPARENT, fields.get(TRACEPARENT));
        String state = fields.get(TRACESTATE);
        return (state == null ? stamped.withoutExtension(TRACESTATE) : stamped.withExtension(TRACESTATE, state))
                .build();
    }
}
