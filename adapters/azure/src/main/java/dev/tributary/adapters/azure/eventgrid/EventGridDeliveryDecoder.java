package dev.tributary.adapters.azure.eventgrid;

import static dev.tributary.adapters.azure.eventgrid.JsonFields.requiredNonEmptyString;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tributary.core.decode.CloudEventsHttpDecoder;
import dev.tributary.core.decode.DecodeException;
import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.decode.JsonProblem;
import dev.tributary.core.decode.NotificationDecoder;
import dev.tributary.core.decode.Utf8;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decodes the body of an Event Grid webhook delivery.
 *
 * <ul>
 *   <li>CloudEvents schema ({@code application/cloudevents+json}, {@code application/cloudevents-batch+json},
 *       or binary mode with {@code ce-*} headers): decoded by core's {@link CloudEventsHttpDecoder} and
 *       passed through unchanged.</li>
 *   <li>Event Grid schema ({@code application/json}, or no Content-Type): a JSON array whose elements
 *       {@link EventGridEventConverter} turns into CloudEvents; numbers in {@code data} keep their exact
 *       text. An array holding {@code Microsoft.EventGrid.SubscriptionValidationEvent} is the validation
 *       handshake, which Event Grid sends alone; header {@code aeg-event-type: SubscriptionValidation}
 *       announces it.</li>
 * </ul>
 *
 * <p>Pure (no I/O, no clock) and thread-safe. Every refusal is a {@link DecodeException} naming the
 * header, element or field at fault: {@link DecodeException.Reason#UNSUPPORTED_FORMAT} for a
 * Content-Type it does not read, {@link DecodeException.Reason#MALFORMED} otherwise.
 *
 * @see <a href="https://learn.microsoft.com/azure/event-grid/webhook-event-delivery">Webhook event delivery</a>
 */
public final class EventGridDeliveryDecoder implements NotificationDecoder<InboundPayload> {

    static final String VALIDATION_EVENT_TYPE = "Microsoft.EventGrid.SubscriptionValidationEvent";
    private static final String EVENT_TYPE_HEADER = "aeg-event-type";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final CloudEventsHttpDecoder cloudEvents = new CloudEventsHttpDecoder();
    private final EventGridEventConverter converter = new EventGridEventConverter(JSON);

    /** The events of a delivery; none for the validation handshake. */
    @Override
    public List<CloudEvent> decode(InboundPayload payload) {
        return read(payload) instanceof EventGridDelivery.Notification notification ? notification.events() : List.of();
    }

    /** What a delivery carries: the validation handshake or events. */
    public EventGridDelivery read(InboundPayload payload) {
        String mediaType = payload.mediaType();
        if (mediaType.startsWith("application/cloudevents") || payload.header("ce-specversion") != null) {
            return new EventGridDelivery.Notification(cloudEvents.decode(payload));
        }
        if (!mediaType.isEmpty() && !mediaType.equals("application/json")) {
            throw new DecodeException(
                    DecodeException.Reason.UNSUPPORTED_FORMAT,
                    "Content-Type '" + mediaType
                            + "' is neither application/json (Event Grid schema) nor application/cloudevents+json "
                            + "or application/cloudevents-batch+json (CloudEvents schema)");
        }
        JsonNode array = parseArray(payload.body());
        Optional<EventGridDelivery.Validation> validation = validation(array);
        if (validation.isPresent()) {
            return validation.get();
        }
        if ("SubscriptionValidation".equalsIgnoreCase(payload.header(EVENT_TYPE_HEADER))) {
            throw DecodeException.malformed("header " + EVENT_TYPE_HEADER + " is SubscriptionValidation but no event "
                    + "in the body is a " + VALIDATION_EVENT_TYPE);
        }
        List<CloudEvent> events = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            events.add(converter.convert(array.get(i), "event[" + i + "]"));
        }
        return new EventGridDelivery.Notification(events);
    }

    private static JsonNode parseArray(byte[] body) {
        if (body.length == 0) {
            throw DecodeException.malformed("empty body: expected a JSON array of Event Grid events");
        }
        Utf8.require(body, "the body");
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw DecodeException.malformed("invalid JSON: " + JsonProblem.describe(e));
        } catch (IOException e) {
            throw DecodeException.malformed("unreadable body: " + e.getMessage());
        }
        if (!root.isArray()) {
            throw DecodeException.malformed(
                    "expected a JSON array of Event Grid events, not " + JsonFields.typeName(root));
        }
        for (int i = 0; i < root.size(); i++) {
            if (!root.get(i).isObject()) {
                throw DecodeException.malformed(
                        "event[" + i + "]: expected a JSON object, not " + JsonFields.typeName(root.get(i)));
            }
        }
        return root;
    }

    private static Optional<EventGridDelivery.Validation> validation(JsonNode array) {
        for (int i = 0; i < array.size(); i++) {
            JsonNode event = array.get(i);
            if (VALIDATION_EVENT_TYPE.equals(event.path("eventType").asText(null))) {
                if (array.size() != 1) {
                    throw DecodeException.malformed("event[" + i + "]: " + VALIDATION_EVENT_TYPE
                            + " must be delivered alone, not in a batch of " + array.size());
                }
                return Optional.of(validationOf(event));
            }
        }
        return Optional.empty();
    }

    private static EventGridDelivery.Validation validationOf(JsonNode event) {
        JsonNode data = event.get("data");
        if (data == null || !data.isObject()) {
            throw DecodeException.malformed("event[0]: " + VALIDATION_EVENT_TYPE + " needs an object field 'data'");
        }
        String code = requiredNonEmptyString(data, "validationCode", "event[0].data");
        JsonNode url = data.get("validationUrl");
        return new EventGridDelivery.Validation(
                code, Optional.ofNullable(url != null && url.isTextual() ? url.textValue() : null));
    }
}
