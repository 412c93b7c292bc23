package dev.tributary.gateway.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The first step of a dead-letter route when tracing is on: records a {@code dead-letter SINK}
 * span (kind internal, status error, child of the delivery's parent) with attributes
 * {@code tributary.route}, {@code tributary.sink} (the sink that failed),
 * {@code tributary.dead_letter_sink} and {@code tributary.reason} (the last failure), and makes it
 * the parent of the attempts on the dead-letter sink. The span ends at once: it marks the
 * decision, the attempts that follow carry their own outcome.
 */
final class DeadLetterSpan implements Processor {

    private final Tracer tracer;
    private final String route;
    private final String sink;
    private final String deadLetterSink;

    DeadLetterSpan(Tracer tracer, String route, String sink, String deadLetterSink) {
        this.tracer = tracer;
        this.route = route;
        this.sink = sink;
        this.deadLetterSink = deadLetterSink;
    }

    @Override
    public void process(Exchange exchange) {
        Context parent = Tracing.parentOf(exchange);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Span span = tracer.spanBuilder("dead-letter " + sink)
                .setParent(parent)
                .setSpanKind(SpanKind.INTERNAL)
                .setAttribute("tributary.route", route)
                .setAttribute("tributary.sink", sink)
                .setAttribute("tributary.dead_letter_sink", deadLetterSink)
                .setAttribute("tributary.reason", cause == null ? "unknown" : String.valueOf(cause.getMessage()))
                .startSpan();
        span.setStatus(StatusCode.ERROR);
        span.end();
        exchange.setProperty(AttemptSpan.PARENT, parent.with(span));
    }
}
