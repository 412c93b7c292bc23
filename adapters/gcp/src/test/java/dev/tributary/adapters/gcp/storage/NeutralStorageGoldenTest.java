package dev.tributary.adapters.gcp.storage;

import dev.tributary.adapters.gcp.pubsub.PushDecoder;
import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.storage.NeutralStorageEvents;
import dev.tributary.core.testing.GoldenFiles;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case under {@code golden/gcp-neutral}: pushes decoded, then put in neutral form by the
 * mappers found on the class path, as the gateway does for routes with {@code storageEvents: neutral}.
 */
class NeutralStorageGoldenTest {

    private static final String DIR = "golden/gcp-neutral";
    private static final PushDecoder DECODER = new PushDecoder("projects/demo-project/topics/orders");
    private static final NeutralStorageEvents NEUTRAL = NeutralStorageEvents.installed();

    static Stream<String> cases() {
        return GoldenFiles.cases(DIR);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void neutralizes(String caseName) {
        var events = DECODER.decode(new InboundPayload(Map.of(), GoldenFiles.input(DIR, caseName)));
        GoldenFiles.assertMatches(
                DIR, caseName, events.stream().map(NEUTRAL::apply).toList());
    }
}
