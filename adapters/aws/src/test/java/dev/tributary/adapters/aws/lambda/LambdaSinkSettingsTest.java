package dev.tributary.adapters.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.core.mapping.Options;
import dev.tributary.core.mapping.SinkConfig;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LambdaSinkSettingsTest {

    @Test
    void regionComesFromTheOptionElseFromTheFunctionArn() {
        assertEquals(
                Optional.of("eu-west-1"),
                settings(Map.of("function", "arn:aws:lambda:eu-west-1:123456789012:function:resize"))
                        .region());
        assertEquals(
                Optional.of("us-east-2"),
                settings(Map.of(
                                "function",
                                "arn:aws:lambda:eu-west-1:123456789012:function:resize:prod",
                                "region",
                                "us-east-2"))
                        .region());
        assertEquals(Optional.empty(), settings(Map.of("function", "resize")).region());
    }

    @Test
    void invocationTypeAndPayloadDefaultToSynchronousCloudEvents() {
        LambdaSinkSettings defaults = settings(Map.of("function", "resize"));
        assertFalse(defaults.asynchronous());
        assertFalse(defaults.dataOnly());
        LambdaSinkSettings event = settings(Map.of("function", "resize", "invocationType", "Event", "payload", "data"));
        assertTrue(event.asynchronous());
        assertTrue(event.dataOnly());
    }

    @Test
    void aStructuredCloudEventAnswerIsAReplyAndAnythingElseIsNot() {
        var reply = LambdaReplies.parse("""
                {"specversion":"1.0","id":"r-1","source":"/resize","type":"com.example.resized","data":{"ok":true}}""".getBytes(StandardCharsets.UTF_8));
        assertEquals("r-1", reply.orElseThrow().getId());
        assertTrue(LambdaReplies.parse("{\"statusCode\":200}".getBytes(StandardCharsets.UTF_8))
                .isEmpty());
        assertTrue(LambdaReplies.parse("null".getBytes(StandardCharsets.UTF_8)).isEmpty());
        assertTrue(
                LambdaReplies.parse("{\"specversion\":\"1.0\"}".getBytes(StandardCharsets.UTF_8))
                        .isEmpty(),
                "an invalid CloudEvent is not a reply");
    }

    private static LambdaSinkSettings settings(Map<String, Object> options) {
        return LambdaSinkSettings.of(new SinkConfig("resize", "aws-lambda", Options.of(options)));
    }
}
