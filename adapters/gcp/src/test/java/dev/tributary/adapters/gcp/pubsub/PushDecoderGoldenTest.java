package dev.tributary.adapters.gcp.pubsub;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.core.decode.DecodeException;
import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.testing.GoldenFiles;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case under {@code golden/gcp}: push requests (wrapped or not) decoded for one topic. */
class PushDecoderGoldenTest {

    private static final String DIR = "golden/gcp";
    private static final PushDecoder DECODER = new PushDecoder("projects/demo-project/topics/orders");

    /** What the refusal of each failure case must mention: the field, header or attribute at fault. */
    private static final Map<String, String> FAILURES = Map.ofEntries(
            Map.entry("fail_attribute-not-string", "message.attributes.count"),
            Map.entry("fail_bad-publish-time", "message.publishTime 'yesterday'"),
            Map.entry("fail_cloudevent-binary-missing-type", "type"),
            Map.entry("fail_cloudevent-binary-unknown-specversion", "0.1"),
            Map.entry("fail_cloudevent-structured-not-json", "structured event"),
            Map.entry("fail_data-not-base64", "message.data"),
            Map.entry("fail_gcs-data-not-json", "JSON_API_V1"),
            Map.entry("fail_gcs-missing-bucket-id", "bucketId"),
            Map.entry("fail_gcs-missing-object-id", "objectId"),
            Map.entry("fail_gcs-unknown-payload-format", "payloadFormat 'XML_V2'"),
            Map.entry("fail_message-ids-disagree", "message.message_id"),
            Map.entry("fail_missing-message-id", "messageId"),
            Map.entry("fail_missing-publish-time", "publishTime"),
            Map.entry("fail_not-a-push-body", "'message'"),
            Map.entry("fail_not-json-without-metadata-headers", "x-goog-pubsub-message-id"),
            Map.entry("fail_unwrapped-bad-publish-time", "x-goog-pubsub-publish-time"));

    static Stream<String> cases() {
        return GoldenFiles.cases(DIR);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void decodes(String caseName) {
        InboundPayload payload = GoldenFiles.payload(DIR, caseName);
        if (!GoldenFiles.isFailure(caseName)) {
            GoldenFiles.assertMatches(DIR, caseName, DECODER.decode(payload));
            return;
        }
        DecodeException refused = assertThrows(DecodeException.class, () -> DECODER.decode(payload));
        String mention = FAILURES.get(caseName);
        assertTrue(mention != null, "add the failure case " + caseName + " to FAILURES");
        assertTrue(
                refused.getMessage().contains(mention),
                () -> caseName + ": '" + refused.getMessage() + "' does not mention " + mention);
    }
}
