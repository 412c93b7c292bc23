package dev.tributary.adapters.azure.eventgrid;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.core.decode.DecodeException;
import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.testing.GoldenFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every case of {@code golden/azure} through {@link EventGridDeliveryDecoder}. A {@code fail_*}
 * case must be refused with a message containing its {@code .error.txt}, so each refusal is known
 * to name the field or header at fault.
 */
class EventGridGoldenTest {

    private static final String DIRECTORY = "golden/azure";

    private final EventGridDeliveryDecoder decoder = new EventGridDeliveryDecoder();

    static Stream<String> cases() {
        return GoldenFiles.cases(DIRECTORY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodesAsExpected(String caseName) {
        InboundPayload payload = payload(caseName);
        if (GoldenFiles.isFailure(caseName)) {
            DecodeException refused = assertThrows(DecodeException.class, () -> decoder.decode(payload));
            String expected =
                    resource(DIRECTORY + "/" + caseName + ".error.txt").trim();
            assertTrue(
                    refused.getMessage().contains(expected),
                    () -> "message '" + refused.getMessage() + "' should contain '" + expected + "'");
        } else {
            GoldenFiles.assertMatches(DIRECTORY, caseName, decoder.decode(payload));
        }
    }

    static InboundPayload payload(String caseName) {
        return GoldenFiles.payload(DIRECTORY, caseName);
    }

    private static String resource(String name) {
        try (InputStream in = EventGridGoldenTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
