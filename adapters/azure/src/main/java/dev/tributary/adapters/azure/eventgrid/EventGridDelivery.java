package dev.tributary.adapters.azure.eventgrid;

import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.Optional;

/** What one Event Grid webhook delivery carries: a subscription-validation handshake or events. */
public sealed interface EventGridDelivery {

    /**
     * The {@code Microsoft.EventGrid.SubscriptionValidationEvent} handshake: answered with
     * {@code {"validationResponse": validationCode}}, never routed.
     *
     * @param validationCode the code to echo
     * @param validationUrl the URL for manual validation, when Event Grid sent one; never fetched
     */
    record Validation(String validationCode, Optional<String> validationUrl) implements EventGridDelivery {}

    /** Events to route, in delivery order; possibly none. */
    record Notification(List<CloudEvent> events) implements EventGridDelivery {

        public Notification {
            events = List.copyOf(events);
        }
    }
}
