package dev.tributary.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;

/**
 * The event the sinks' round-trip tests send (every context attribute the issue names, two
 * extensions, JSON data) and the comparison they make with what the same cloud's source read back.
 */
public final class RoundTripEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RoundTripEvents() {}

    /** An event with id, source, type, subject, time, extensions {@code tenant} and {@code region}, JSON data. */
    public static CloudEvent sample(String id) {
        return CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create("https://tributary.dev/tests/orders"))
                .withType("dev.tributary.test.order.created")
                .withSubject("orders/42.json")
                .withTime(OffsetDateTime.parse("2026-12-04T23:30:15.123Z"))
                .withExtension("tenant", "acme")
                .withExtension("region", "eu-west-1")
                .withData(
                        "application/json",
                        "{\"order\":42,\"total\":\"19.99\",\"note\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8))
                .build();
    }

    /**
     * Asserts that {@code actual} keeps id, source, type, subject, time (as an instant),
     * datacontenttype, every extension (compared in canonical string form, as bindings that carry
     * them as strings deliver them) and data (as a JSON document).
     */
    public static void assertSameEvent(CloudEvent expected, CloudEvent actual) {
        assertEquals(expected.getId(), actual.getId(), "id");
        assertEquals(expected.getSource(), actual.getSource(), "source");
        assertEquals(expected.getType(), actual.getType(), "type");
        assertEquals(expected.getSubject(), actual.getSubject(), "subject");
        assertEquals(expected.getTime().toInstant(), actual.getTime().toInstant(), "time");
        assertEquals(expected.getDataContentType(), actual.getDataContentType(), "datacontenttype");
        assertEquals(extensions(expected), extensions(actual), "extensions");
        try {
            assertEquals(
                    MAPPER.readTree(expected.getData().toBytes()),
                    MAPPER.readTree(actual.getData().toBytes()),
                    "data");
        } catch (IOException e) {
            throw new AssertionError("data is not JSON", e);
        }
    }

    private static Map<String, String> extensions(CloudEvent event) {
        Map<String, String> extensions = new TreeMap<>();
        event.getExtensionNames().forEach(name -> extensions.put(name, String.valueOf(event.getExtension(name))));
        return extensions;
    }
}
