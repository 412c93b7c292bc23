package dev.tributary.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.bench.BenchEvent;
import dev.tributary.bench.SourceProviders;
import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.decode.NotificationDecoder;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

class DecodersTest {

    @Test
    void coreBinaryDecodeReadsTheBenchEvent() {
        Decoders.Prepared prepared = Decoders.prepare("cloudevents-binary");
        List<CloudEvent> events = prepared.decode().get();
        assertEquals(1, prepared.eventsPerDecode());
        assertEquals(BenchEvent.TYPE, events.get(0).getType());
        assertEquals(
                new String(BenchEvent.body(), StandardCharsets.UTF_8),
                new String(events.get(0).getData().toBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void pushDecodesGoThroughTheSourceProviderOfTheirType() {
        Decoders.Prepared prepared = Decoders.prepare("pubsub-push");
        assertEquals("2070443601311540", prepared.decode().get().get(0).getId(), "the fixture's messageId");
    }

    @Test
    void aDecodeWhoseAdapterIsMissingIsUnavailableAndSaysWhy() {
        assertTrue(Decoders.unavailable("eventgrid").orElseThrow().contains("azure-eventgrid"));
        assertTrue(Decoders.unavailable("s3").orElseThrow().contains(Decoders.S3_DECODER));
        assertTrue(Decoders.unavailable("cloudevents-binary").isEmpty());
        assertThrows(SourceProviders.Unavailable.class, () -> Decoders.prepare("eventgrid"));
    }

    @Test
    void aDecoderFoundByNameMayTakeJsonNodes() {
        byte[] body = "{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        List<CloudEvent> events =
                Decoders.byClassName(JsonNodeDecoder.class.getName(), body).get();
        assertEquals("x", events.get(0).getId());
    }

    @Test
    void aDecoderFoundByNameMayBeANotificationDecoder() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        List<CloudEvent> events =
                Decoders.byClassName(PayloadDecoder.class.getName(), body).get();
        assertEquals("application/json", events.get(0).getId(), "handed the body as JSON");
    }

    @Test
    void theBenchmarkParametersAreTheDecodesDefined() throws Exception {
        String[] declared = DecodeBenchmark.class
                .getField("input")
                .getAnnotation(Param.class)
                .value();
        assertEquals(Decoders.NAMES, List.of(declared));
    }

    @Test
    void unknownDecodesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Decoders.prepare("kafka"));
    }

    private static CloudEvent event(String id) {
        return CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create("/test"))
                .withType("test")
                .build();
    }

    /** Shaped like the AWS adapter's S3 decoder: {@code List<CloudEvent> decode(JsonNode)}. */
    public static final class JsonNodeDecoder {
        public List<CloudEvent> decode(JsonNode document) {
            return List.of(event(document.get("name").asText()));
        }
    }

    /** A core-SPI decoder: answers the media type it was handed as the event id. */
    public static final class PayloadDecoder implements NotificationDecoder<InboundPayload> {
        @Override
        public List<CloudEvent> decode(InboundPayload payload) {
            return List.of(event(payload.mediaType()));
        }
    }
}
