package dev.tributary.gateway.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceContextsTest {

    private static final String HEADER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String EVENT_TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String CURRENT_TRACE = "11111111111111111111111111111111";

    @Test
    void theTransportFieldsComeFirstThenTheCurrentSpanThenTheEventsExtension() {
        CloudEvent event = event().withExtension("traceparent", "00-" + EVENT_TRACE + "-b7ad6b7169203331-01")
                .build();
        Map<String, String> headers = Map.of("traceparent", "00-" + HEADER_TRACE + "-00f067aa0ba902b7-01");
        Context current = context(CURRENT_TRACE);

        assertEquals(HEADER_TRACE, traceOf(TraceContexts.parentOf(current, headers, List.of(event))));
        assertEquals(CURRENT_TRACE, traceOf(TraceContexts.parentOf(current, Map.of(), List.of(event))));
        assertEquals(EVENT_TRACE, traceOf(TraceContexts.parentOf(Context.root(), Map.of(), List.of(event))));
        assertEquals(
                EVENT_TRACE,
                traceOf(TraceContexts.parentOf(Context.root(), Map.of("traceparent", "garbage"), List.of(event))),
                "an invalid header does not hide the extension");
        assertSame(Context.root(), TraceContexts.parentOf(Context.root(), Map.of(), List.of(event().build())));
    }

    @Test
    void stampingSetsTheExtensionToTheContextAndDropsAStaleTracestate() {
        CloudEvent event = event().withExtension("traceparent", "00-" + EVENT_TRACE + "-b7ad6b7169203331-01")
                .withExtension("tracestate", "old=1")
                .build();

        CloudEvent stamped = TraceContexts.stamp(event, context(CURRENT_TRACE));

        assertEquals("00-" + CURRENT_TRACE + "-2222222222222222-01", stamped.getExtension("traceparent"));
        assertNull(stamped.getExtension("tracestate"));
        assertEquals(event.getId(), stamped.getId());
        assertSame(event, TraceContexts.stamp(event, Context.root()), "no span, nothing to stamp");
    }

    private static CloudEventBuilder event() {
        return CloudEventBuilder.v1()
                .withId("e1")
                .withSource(URI.create("/tests"))
                .withType("com.example.test");
    }

    private static Context context(String trace) {
        return Context.root()
                .with(Span.wrap(SpanContext.create(
                        trace, "2222222222222222", TraceFlags.getSampled(), TraceState.getDefault())));
    }

    private static String traceOf(Context context) {
        return Span.fromContext(context).getSpanContext().getTraceId();
    }
}
