package dev.tributary.gateway.tracing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.core.source.EventDispatch;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.opentelemetry.context.Scope;
import java.net.URI;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class TracingTest {

    @Test
    void tracingIsOnOnlyWithAnOtlpEndpointAndNeitherSwitchedOff() {
        assertFalse(OtlpExport.configured(Map.of()));
        assertFalse(OtlpExport.configured(Map.of("OTEL_SERVICE_NAME", "x", "OTEL_EXPORTER_OTLP_ENDPOINT", " ")));
        assertTrue(OtlpExport.configured(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318")));
        assertTrue(
                OtlpExport.configured(Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4318/v1/traces")));
        assertFalse(OtlpExport.configured(
                Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318", "OTEL_TRACES_EXPORTER", "none")));
        assertFalse(OtlpExport.configured(
                Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318", "OTEL_SDK_DISABLED", "true")));
        assertSame(Tracing.OFF, Tracing.fromEnvironment(Map.of("OTEL_SERVICE_NAME", "tributary")));
    }

    @Test
    void offEveryHookIsTheThingItWrapsOrASharedNoOp() {
        EventDispatch dispatch = (source, events) -> null;
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        CloudEvent event = CloudEventBuilder.v1()
                .withId("e1")
                .withSource(URI.create("/tests"))
                .withType("t")
                .build();

        assertFalse(Tracing.OFF.enabled());
        assertSame(dispatch, Tracing.OFF.ingress(dispatch));
        Tracing.OFF.startDelivery(exchange);
        assertNull(exchange.getProperty(AttemptSpan.PARENT), "nothing kept on the exchange");
        DeliveryAttempt attempt = Tracing.OFF.attempt(exchange, "route", "sink", 2);
        assertSame(DeliveryAttempt.NONE, attempt);
        assertSame(event, attempt.stamp(event));
        try (Scope scope = attempt.makeCurrent()) {
            assertSame(Scope.noop(), scope);
        }
        assertTrue(Tracing.OFF.deadLetter("route", "sink", "dead").isEmpty(), "no dead-letter step on the route");
    }
}
