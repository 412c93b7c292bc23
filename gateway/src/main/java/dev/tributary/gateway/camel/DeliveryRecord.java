package dev.tributary.gateway.camel;

import io.cloudevents.CloudEvent;
import java.util.Optional;
import org.apache.camel.Exchange;

/**
 * What the attempts of one delivery found, carried by its exchange for {@link CamelDelivery} to
 * turn into a {@link DeliveryOutcome}: the reply event of the sink that accepted it, the last
 * failed attempt, and, once the event went to its dead-letter sink, the failure that sent it there.
 *
 * <p>One per exchange, attached by {@link CamelDelivery} before the first attempt. The attempts
 * of an exchange run one after another, possibly on different threads (a redelivery is scheduled);
 * the fields are volatile so each sees what the one before wrote.
 */
final class DeliveryRecord {

    private static final String PROPERTY = "tributary.delivery";

    private volatile CloudEvent reply;
    private volatile SinkFailure lastFailure;
    private volatile SinkFailure deadLetterCause;
    private volatile boolean deadLettered;

    /** Attaches a new record to the exchange. */
    static DeliveryRecord attach(Exchange exchange) {
        DeliveryRecord record = new DeliveryRecord();
        exchange.setProperty(PROPERTY, record);
        return record;
    }

    /** The exchange's record. */
    static DeliveryRecord of(Exchange exchange) {
        return exchange.getProperty(PROPERTY, DeliveryRecord.class);
    }

    void replied(CloudEvent event) {
        reply = event;
    }

    void failed(SinkFailure failure) {
        lastFailure = failure;
    }

    /** The last failed attempt, if any. */
    Optional<SinkFailure> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    /** The event goes to its dead-letter sink, for the last failure. */
    void deadLettered() {
        deadLetterCause = lastFailure;
        deadLettered = true;
    }

    boolean isDeadLettered() {
        return deadLettered;
    }

    /** Why the event was dead-lettered, when it was. */
    Optional<SinkFailure> deadLetterCause() {
        return Optional.ofNullable(deadLetterCause);
    }

    Optional<CloudEvent> reply() {
        return Optional.ofNullable(reply);
    }
}
