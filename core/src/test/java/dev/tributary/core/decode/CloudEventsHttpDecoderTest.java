package dev.tributary.core.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.core.testing.GoldenFiles;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CloudEventsHttpDecoderTest {

    private static final String GOLDEN = "golden/cloudevents";

    private final CloudEventsHttpDecoder decoder = new CloudEventsHttpDecoder();

    static Stream<String> cases() {
        return GoldenFiles.cases(GOLDEN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void golden(String caseName) {
        InboundPayload payload = GoldenFiles.payload(GOLDEN, caseName);
        if (GoldenFiles.isFailure(caseName)) {
            DecodeException error = assertThrows(DecodeException.class, () -> decoder.decode(payload));
            assertEquals(DecodeException.Reason.MALFORMED, error.reason());
        } else {
            GoldenFiles.assertMatches(GOLDEN, caseName, decoder.decode(payload));
        }
    }

    @Test
    void errorsNameTheMissingAttribute() {
        DecodeException missingType = assertThrows(
                DecodeException.class,
                () -> decoder.decode(binary(Map.of("ce-specversion", "1.0", "ce-id", "1", "ce-source", "/s"))));
        assertTrue(missingType.getMessage().contains("type"), missingType.getMessage());

        DecodeException missingId = assertThrows(
                DecodeException.class,
                () -> decoder.decode(new InboundPayload(
                        Map.of("content-type", "application/cloudevents+json"),
                        "{\"specversion\":\"1.0\",\"source\":\"/s\",\"type\":\"t\"}"
                                .getBytes(StandardCharsets.UTF_8))));
        assertTrue(missingId.getMessage().contains("id"), missingId.getMessage());

        DecodeException emptyId = assertThrows(
                DecodeException.class,
                () -> decoder.decode(new InboundPayload(
                        Map.of("content-type", "application/cloudevents-batch+json"),
                        "[{\"specversion\":\"1.0\",\"id\":\"a\",\"source\":\"/s\",\"type\":\"t\"},{\"specversion\":\"1.0\",\"id\":\"\",\"source\":\"/s\",\"type\":\"t\"}]"
                                .getBytes(StandardCharsets.UTF_8))));
        assertEquals("event[1]: required attribute 'id' is missing or empty", emptyId.getMessage());

        DecodeException notCloudEvent = assertThrows(
                DecodeException.class,
                () -> decoder.decode(
                        new InboundPayload(Map.of("content-type", "application/json"), new byte[] {'{', '}'})));
        assertTrue(notCloudEvent.getMessage().contains("'specversion'"), notCloudEvent.getMessage());
    }

    @Test
    void otherEventFormatsAreUnsupported() {
        DecodeException error = assertThrows(
                DecodeException.class,
                () -> decoder.decode(new InboundPayload(
                        Map.of("content-type", "application/cloudevents+xml"),
                        "<event/>".getBytes(StandardCharsets.UTF_8))));
        assertEquals(DecodeException.Reason.UNSUPPORTED_FORMAT, error.reason());
        assertTrue(error.getMessage().contains("application/cloudevents+xml"), error.getMessage());
    }

    private static InboundPayload binary(Map<String, String> headers) {
        return new InboundPayload(headers, new byte[0]);
    }
}
