package dev.tributary.adapters.gcp.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.core.mapping.Options;
import dev.tributary.core.mapping.SinkConfig;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The options of a {@code gcp-pubsub} sink. */
class PubsubSinkSettingsTest {

    @Test
    void binaryIsTheDefaultAndTheEndpointAnEmulator() {
        PubsubSinkSettings defaults = settings(Map.of("topic", "projects/demo/topics/orders"));
        assertFalse(defaults.structured());
        assertEquals(Optional.empty(), defaults.emulator());
        assertEquals("orders", defaults.topic().getTopic());
        PubsubSinkSettings structured = settings(
                Map.of("topic", "projects/demo/topics/orders", "mode", "structured", "endpoint", "127.0.0.1:8085"));
        assertTrue(structured.structured());
        assertEquals(Optional.of("127.0.0.1:8085"), structured.emulator());
    }

    @Test
    void aTopicThatIsNotAFullNameIsRefused() {
        assertEquals(
                "sink 'out': topic 'orders' is not a topic name like projects/my-project/topics/my-topic",
                assertThrows(IllegalArgumentException.class, () -> settings(Map.of("topic", "orders")))
                        .getMessage());
    }

    private static PubsubSinkSettings settings(Map<String, Object> options) {
        return PubsubSinkSettings.of(new SinkConfig("out", "gcp-pubsub", Options.of(options)));
    }
}
