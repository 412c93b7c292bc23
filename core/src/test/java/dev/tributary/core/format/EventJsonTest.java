package dev.tributary.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tree patterns and transforms read is the CloudEvents JSON format, as the SDK writes it but for text data. */
class EventJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theTreeIsWhatTheJsonFormatWritesForJsonTextAndBinaryData() throws Exception {
        CloudEventBuilder base = CloudEventBuilder.v1()
                .withId("C3D13FE58DE4C810.1")
                .withSource(URI.create("aws:s3.eu-west-1.photos"))
                .withType("com.amazonaws.s3.ObjectCreated:Put")
                .withSubject("uploads/red flower.jpg")
                .withTime(OffsetDateTime.parse("2026-03-14T09:26:53.589Z"))
                .withDataSchema(URI.create("https://example.com/s3.json"))
                .withExtension("knativeerrorcode", 422)
                .withExtension("urgent", true)
                .withExtension("region", "eu");
        List<CloudEvent> events = List.of(
                base.newBuilder()
                        .withData(
                                "application/json",
                                "{\"s3\":{\"object\":{\"size\":48213}}}".getBytes(StandardCharsets.UTF_8))
                        .build(),
                base.newBuilder()
                        .withData("application/geo+json; charset=utf-8", "[1,2]".getBytes(StandardCharsets.UTF_8))
                        .build(),
                base.newBuilder()
                        .withData("application/cloudevents-batch+json", "[1,2]".getBytes(StandardCharsets.UTF_8))
                        .build(),
                base.newBuilder()
                        .withData("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'})
                        .build(),
                base.newBuilder().build());
        for (CloudEvent event : events) {
            assertEquals(JSON.readTree(EventJson.line(event)), EventJson.tree(event), event.getDataContentType());
            assertEquals(EventJson.tree(event), EventJson.tree(EventJson.read(EventJson.line(event))), "reads back");
        }
    }

    @Test
    void textDataIsAStringThatReadsBackAsTheSameBytes() {
        CloudEvent event = CloudEventBuilder.v1()
                .withId("e-1")
                .withSource(URI.create("/tests"))
                .withType("t")
                .withData("text/plain; charset=utf-8", "a line\nand another".getBytes(StandardCharsets.UTF_8))
                .build();

        assertEquals("a line\nand another", EventJson.tree(event).get("data").asText());
        assertEquals(EventJson.tree(event), EventJson.tree(EventJson.read(EventJson.tree(event))));
        assertEquals(EventJson.tree(event), EventJson.tree(EventJson.read(EventJson.line(event))));
    }

    @Test
    void jsonDataThatDoesNotParseIsRefusedNamingTheEvent() {
        CloudEvent event = CloudEventBuilder.v1()
                .withId("e-1")
                .withSource(URI.create("/tests"))
                .withType("t")
                .withData("application/json", "{not json".getBytes(StandardCharsets.UTF_8))
                .build();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> EventJson.tree(event));
        assertTrue(
                refused.getMessage().startsWith("event e-1 has data that is not the JSON its datacontenttype says"),
                refused.getMessage());
    }
}
