package dev.tributary.core.decode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.rw.CloudEventRWException;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes CloudEvents sent over HTTP in binary, structured or batched content mode.
 *
 * <p>Implements the CloudEvents HTTP protocol binding 1.0: a request whose Content-Type is
 * {@code application/cloudevents-batch+json} is a batch (a JSON array of events in the JSON
 * format); one whose Content-Type is {@code application/cloudevents+json} is a single structured
 * event; a request with a {@code ce-specversion} header is binary mode, with {@code ce-*} header
 * values percent-decoded. Any other {@code application/cloudevents*} format is unsupported
 * ({@link DecodeException.Reason#UNSUPPORTED_FORMAT}).
 *
 * <p>Thread-safe and free of I/O.
 *
 * @see <a href="https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/bindings/http-protocol-binding.md">HTTP protocol binding</a>
 */
public final class CloudEventsHttpDecoder implements NotificationDecoder<InboundPayload> {

    static final String STRUCTURED_JSON = "application/cloudevents+json";
    static final String BATCH_JSON = "application/cloudevents-batch+json";
    private static final String CE_PREFIX = "ce-";

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(JsonFormat.getCloudEventJacksonModule())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Override
    public List<CloudEvent> decode(InboundPayload payload) {
        String mediaType = payload.mediaType();
        if (mediaType.equals(BATCH_JSON)) {
            return validated(readJson(payload.body(), CloudEvent[].class, "batch"));
        }
        if (mediaType.equals(STRUCTURED_JSON)) {
            return validated(readJson(payload.body(), CloudEvent.class, "structured event"));
        }
        if (mediaType.startsWith("application/cloudevents")) {
            throw new DecodeException(
                    DecodeException.Reason.UNSUPPORTED_FORMAT,
                    "unsupported CloudEvents format '" + mediaType + "': use binary mode, " + STRUCTURED_JSON + " or "
                            + BATCH_JSON);
        }
        if (payload.header(CE_PREFIX + "specversion") == null) {
            throw DecodeException.malformed("not a CloudEvent: missing required attribute 'specversion' "
                    + "(no ce-specversion header for binary mode, and Content-Type '" + mediaType
                    + "' is not " + STRUCTURED_JSON + ")");
        }
        return validated(readBinary(payload));
    }

    private <T> T readJson(byte[] body, Class<T> type, String what) {
        Utf8.require(body, what);
        try {
            return mapper.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw DecodeException.malformed("invalid " + what + ": " + JsonProblem.describe(e));
        } catch (IOException e) {
            throw DecodeException.malformed("unreadable " + what + ": " + JsonProblem.describe(e));
        }
    }

    private static CloudEvent readBinary(InboundPayload payload) {
        Map<String, String> headers = new HashMap<>();
        payload.headers().forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(CE_PREFIX)) {
                try {
                    headers.put(lower, HeaderValueCodec.decode(value));
                } catch (IllegalArgumentException e) {
                    throw DecodeException.malformed("header " + lower + ": " + e.getMessage());
                }
            } else if (lower.equals("content-type")) {
                headers.put(lower, value);
            }
        });
        try {
            MessageReader reader = HttpMessageFactory.createReader(headers, payload.body());
            return reader.toEvent();
        } catch (CloudEventRWException | IllegalStateException | IllegalArgumentException e) {
            throw DecodeException.malformed("invalid binary-mode event: " + JsonProblem.describe(e));
        }
    }

    private static List<CloudEvent> validated(CloudEvent... events) {
        for (int i = 0; i < events.length; i++) {
            String where = events.length > 1 ? "event[" + i + "]: " : "";
            CloudEvent event = events[i];
            if (event == null) {
                throw DecodeException.malformed(where + "null is not an event");
            }
            requireNonEmpty(where, "id", event.getId());
            requireNonEmpty(where, "type", event.getType());
            requireNonEmpty(
                    where,
                    "source",
                    event.getSource() == null ? null : event.getSource().toString());
        }
        return List.of(events);
    }

    private static void requireNonEmpty(String where, String attribute, String value) {
        if (value == null || value.isEmpty()) {
            throw DecodeException.malformed(where + "required attribute '" + attribute + "' is missing or empty");
        }
    }
}
