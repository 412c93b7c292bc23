package dev.tributary.adapters.azure.eventgrid;

import static dev.tributary.adapters.azure.eventgrid.TestRequests.golden;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tributary.core.decode.DecodeException;
import dev.tributary.core.decode.InboundPayload;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventGridDeliveryDecoderTest {

    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    private final EventGridDeliveryDecoder decoder = new EventGridDeliveryDecoder();

    @Test
    void readsTheValidationCodeAndUrl() {
        EventGridDelivery delivery = decoder.read(new InboundPayload(
                Map.of("aeg-event-type", "SubscriptionValidation"), golden("eventgrid-subscription-validation")));
        EventGridDelivery.Validation validation = assertInstanceOf(EventGridDelivery.Validation.class, delivery);
        assertEquals("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", validation.validationCode());
        assertEquals(
                Optional.of("https://rp-eastus2.eventgrid.azure.net:553/eventsubscriptions/myeventsub/validate"
                        + "?id=0000000000-0000-0000-0000-00000000000000&t=2026-03-14T09:26:00.0000000Z"
                        + "&apiVersion=2018-05-01-preview&token=1A1A1A1A"),
                validation.validationUrl());
    }

    @Test
    void keepsTheExactTextOfNumbersInData() {
        String body = "[{\"id\":\"n1\",\"topic\":\"/t\",\"subject\":\"s\",\"eventType\":\"T\","
                + "\"eventTime\":\"2026-03-14T09:26:56Z\",\"dataVersion\":\"\","
                + "\"data\":{\"total\":19.90,\"big\":123456789012345678901234567890.000000000000000001,\"n\":-0}}]";
        CloudEvent event = decoder.decode(new InboundPayload(JSON, body.getBytes(StandardCharsets.UTF_8)))
                .get(0);
        assertEquals(
                "{\"total\":19.90,\"big\":123456789012345678901234567890.000000000000000001,\"n\":0}",
                new String(event.getData().toBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aRedeliveryYieldsIdenticalEvents() {
        InboundPayload payload = new InboundPayload(JSON, golden("eventgrid-batch"));
        assertArrayEquals(serialized(decoder.decode(payload)), serialized(decoder.decode(payload)));
    }

    @Test
    void binaryModeCloudEventsPassThrough() {
        CloudEvent event = decoder.decode(new InboundPayload(
                        Map.of(
                                "ce-specversion",
                                "1.0",
                                "ce-id",
                                "b-1",
                                "ce-source",
                                "/src",
                                "ce-type",
                                "Contoso.Binary",
                                "Content-Type",
                                "text/plain"),
                        "hi".getBytes(StandardCharsets.UTF_8)))
                .get(0);
        assertEquals("b-1", event.getId());
        assertEquals("text/plain", event.getDataContentType());
    }

    @Test
    void anUnreadableContentTypeIsAnUnsupportedFormat() {
        InboundPayload xml =
                new InboundPayload(Map.of("Content-Type", "application/xml"), "<a/>".getBytes(StandardCharsets.UTF_8));
        DecodeException refused = assertThrows(DecodeException.class, () -> decoder.decode(xml));
        assertEquals(DecodeException.Reason.UNSUPPORTED_FORMAT, refused.reason());
    }

    private static byte[] serialized(List<CloudEvent> events) {
        JsonFormat format = (JsonFormat) EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
        return events.stream().map(format::serialize).reduce(new byte[0], (a, b) -> {
            byte[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, joined, a.length, b.length);
            return joined;
        });
    }
}
