package dev.tributary.adapters.aws.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.core.mapping.Options;
import dev.tributary.core.mapping.SourceConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueueAddressTest {

    @ParameterizedTest
    @CsvSource({
        "https://sqs.eu-west-1.amazonaws.com/123456789012/uploads, eu-west-1, arn:aws:sqs:eu-west-1:123456789012:uploads",
        "https://eu-west-1.queue.amazonaws.com/123456789012/uploads, eu-west-1, arn:aws:sqs:eu-west-1:123456789012:uploads",
        "https://sqs.cn-north-1.amazonaws.com.cn/123456789012/jobs.fifo, cn-north-1, arn:aws-cn:sqs:cn-north-1:123456789012:jobs.fifo",
        "https://sqs.us-gov-west-1.amazonaws.com/123456789012/q, us-gov-west-1, arn:aws-us-gov:sqs:us-gov-west-1:123456789012:q",
    })
    void regionAndArnComeFromTheQueueUrl(String url, String region, String arn) {
        QueueAddress queue = QueueAddress.parse(url);
        assertEquals(Optional.of(region), queue.hostRegion());
        assertEquals(arn, queue.arn(queue.hostRegion().orElseThrow()));
    }

    @Test
    void anEmulatorUrlNamesNoRegionAndTakesTheConfiguredOne() {
        QueueAddress queue = QueueAddress.parse("http://127.0.0.1:9324/000000000000/q");
        assertTrue(queue.hostRegion().isEmpty());
        assertEquals("arn:aws:sqs:us-east-1:000000000000:q", queue.arn("us-east-1"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "uploads",
                "https://sqs.eu-west-1.amazonaws.com/uploads",
                "https://sqs.eu-west-1.amazonaws.com/1/2/3",
                "ftp://host/1/q",
                "https://sqs.eu-west-1.amazonaws.com/1/q q"
            })
    void somethingElseIsRefused(String url) {
        assertThrows(IllegalArgumentException.class, () -> QueueAddress.parse(url));
    }

    @Test
    void settingsTakeTheRegionFromTheOptionThenTheQueueUrlThenTheEndpoint() {
        assertEquals(
                Optional.of("eu-central-1"),
                settings(Map.of("region", "eu-central-1")).region());
        assertEquals(Optional.of("eu-west-1"), settings(Map.of()).region());
        assertEquals(
                Optional.of("ap-south-1"),
                settings(Map.of(
                                "queueUrl", "http://127.0.0.1:9324/000000000000/q",
                                "endpoint", "https://vpce-0a1b-2c3d.sqs.ap-south-1.vpce.amazonaws.com"))
                        .region());
        assertTrue(settings(Map.of("queueUrl", "http://127.0.0.1:9324/000000000000/q"))
                .region()
                .isEmpty());
    }

    @Test
    void settingsHaveDefaults() {
        SqsSourceSettings settings = settings(Map.of());
        assertEquals(1, settings.concurrency());
        assertEquals(20, settings.waitTimeSeconds());
        assertEquals(30, settings.visibilityTimeout());
    }

    @Test
    void settingsRefuseWhatSqsWouldRefuseNamingTheOption() {
        // waitTimeSeconds and visibilityTimeout: declared ranges, refused by the loader (MappingLoaderTest)
        var error = assertThrows(IllegalArgumentException.class, () -> settings(Map.of("queueUrl", "uploads")));
        assertTrue(error.getMessage().contains("queueUrl"), error.getMessage());
        error = assertThrows(IllegalArgumentException.class, () -> settings(Map.of("endpoint", "127.0.0.1:9324")));
        assertTrue(error.getMessage().contains("endpoint '127.0.0.1:9324'"), error.getMessage());
        error = assertThrows(IllegalArgumentException.class, () -> settings(Map.of("region", "Ireland")));
        assertTrue(error.getMessage().contains("region 'Ireland'"), error.getMessage());
    }

    private static SqsSourceSettings settings(Map<String, Object> overrides) {
        Map<String, Object> options =
                new HashMap<>(Map.of("queueUrl", "https://sqs.eu-west-1.amazonaws.com/123456789012/uploads"));
        options.putAll(overrides);
        return SqsSourceSettings.from(new SourceConfig("uploads", "aws-sqs", Options.of(options)));
    }
}
