package dev.tributary.adapters.aws.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.core.mapping.Options;
import dev.tributary.core.mapping.SinkConfig;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The options of an {@code aws-sns} sink. */
class SnsSinkSettingsTest {

    @Test
    void theRegionComesFromTheOptionElseTheArnAndFifoFromTheName() {
        SnsSinkSettings fromArn = settings(Map.of("topicArn", "arn:aws:sns:eu-west-1:123456789012:orders.fifo"));
        assertEquals(Optional.of("eu-west-1"), fromArn.client().region());
        assertTrue(fromArn.fifo());
        SnsSinkSettings overridden = settings(Map.of(
                "topicArn",
                "arn:aws:sns:eu-west-1:123456789012:orders",
                "region",
                "us-east-2",
                "endpoint",
                "http://127.0.0.1:4566"));
        assertEquals(Optional.of("us-east-2"), overridden.client().region());
        assertEquals(
                "http://127.0.0.1:4566",
                overridden.client().endpoint().orElseThrow().toString());
        assertFalse(overridden.fifo());
    }

    @Test
    void whatCannotWorkIsRefusedNamingTheSink() {
        assertEquals(
                "sink 'audit': topicArn 'orders' is not a topic ARN like arn:aws:sns:eu-west-1:123456789012:name",
                assertThrows(IllegalArgumentException.class, () -> settings(Map.of("topicArn", "orders")))
                        .getMessage());
        assertEquals(
                "sink 'audit': region 'Europe' is not a region name such as eu-west-1",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> settings(Map.of(
                                        "topicArn", "arn:aws:sns:eu-west-1:123456789012:orders", "region", "Europe")))
                        .getMessage());
    }

    private static SnsSinkSettings settings(Map<String, Object> options) {
        return SnsSinkSettings.of(new SinkConfig("audit", "aws-sns", Options.of(options)));
    }
}
