package dev.tributary.gateway.camel;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Adds Knative's dead-letter extensions to an event whose delivery failed for good:
 * {@code knativeerrordest} (the sink), {@code knativeerrorcode} (its last HTTP status, when it
 * answered) and {@code knativeerrordata} (base64: its last response body, or, when it never
 * answered, why: unknown host, connection refused, no answer within the timeout…).
 * Every other attribute is kept. Marks the exchange's {@link DeliveryRecord} dead-lettered.
 */
final class DeadLetterEnricher implements Processor {

    @Override
    public void process(Exchange exchange) {
        CloudEvent event = exchange.getIn().getBody(CloudEvent.class);
        DeliveryRecord record = DeliveryRecord.of(exchange);
        SinkFailure failure = record.lastFailure().orElse(null);
        CloudEventBuilder enriched = CloudEventBuilder.from(event);
        if (failure == null) {
            Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            enriched.withExtension("knativeerrordest", "unknown (" + cause + ")");
        } else {
            enriched.withExtension("knativeerrordest", failure.errorDestination());
        }
        if (failure != null && failure.reply() == null) {
            enriched.withExtension(
                    "knativeerrordata",
                    Base64.getEncoder().encodeToString(failure.reason().getBytes(StandardCharsets.UTF_8)));
        } else if (failure != null) {
            enriched.withExtension("knativeerrorcode", failure.reply().status());
            if (failure.reply().body().length > 0) {
                enriched.withExtension(
                        "knativeerrordata",
                        Base64.getEncoder().encodeToString(failure.reply().body()));
            }
        }
        exchange.getIn().setBody(enriched.build());
        record.deadLettered();
    }
}
