package dev.tributary.adapters.aws.sqs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.adapters.aws.MessageAttribute;
import dev.tributary.adapters.aws.envelope.InnerDocuments;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqsMessageDecoderTest {

    private static final String QUEUE = "arn:aws:sqs:eu-west-1:123456789012:jobs";
    private static final String TEST_EVENT =
            "{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Time\":\"2026-03-14T09:20:00.000Z\","
                    + "\"Bucket\":\"photos\",\"RequestId\":\"R\",\"HostId\":\"H\"}";

    @Test
    void aBodyThatIsNotJsonIsPlainTextData() {
        String body = "resize photos/cat.png to 200x200 — ünïcode";
        CloudEvent event = decode(new InnerDocuments(false), body, null).get(0);
        assertEquals(SqsMessageDecoder.TYPE, event.getType());
        assertEquals("text/plain; charset=utf-8", event.getDataContentType());
        assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), event.getData().toBytes());
        assertEquals(QUEUE, event.getSource().toString());
        assertEquals("m-1", event.getId());
    }

    @Test
    void jsonThatIsNoKnownShapeIsJsonDataAsSent() {
        String body = "{ \"Records\": [ {\"eventSource\": \"aws:dynamodb\"} ] }";
        CloudEvent event = decode(new InnerDocuments(false), body, Instant.ofEpochMilli(1_700_000_000_123L))
                .get(0);
        assertEquals(SqsMessageDecoder.TYPE, event.getType());
        assertEquals("application/json", event.getDataContentType());
        assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), event.getData().toBytes());
        assertEquals(OffsetDateTime.of(2023, 11, 14, 22, 13, 20, 123_000_000, ZoneOffset.UTC), event.getTime());
    }

    @Test
    void withoutSentTimestampTheEventHasNoTime() {
        assertNull(decode(new InnerDocuments(false), "x", null).get(0).getTime());
    }

    @Test
    void redeliveryYieldsIdenticalEvents() {
        String body = "{\"Type\":\"Notification\",\"MessageId\":\"n-1\",\"TopicArn\":\"arn:aws:sns:eu-west-1:1:t\","
                + "\"Message\":\"hello\",\"Timestamp\":\"2026-01-01T00:00:00Z\"}";
        InnerDocuments inner = new InnerDocuments(false);
        assertEquals(decode(inner, body, Instant.EPOCH), decode(inner, body, Instant.EPOCH));
    }

    @Test
    void testEventsAreDroppedAndCountedUnlessForwarded() {
        InnerDocuments dropping = new InnerDocuments(false);
        assertTrue(decode(dropping, TEST_EVENT, null).isEmpty());
        assertTrue(decode(dropping, TEST_EVENT, null).isEmpty());
        assertEquals(2, dropping.skippedTestEvents());

        InnerDocuments forwarding = new InnerDocuments(true);
        assertEquals(
                "com.amazonaws.s3.TestEvent",
                decode(forwarding, TEST_EVENT, null).get(0).getType());
        assertEquals(0, forwarding.skippedTestEvents());
    }

    private static List<CloudEvent> decode(InnerDocuments inner, String body, Instant sent) {
        return new SqsMessageDecoder(inner)
                .decode(new SqsMessage(
                        "m-1", body, List.of(new MessageAttribute("Kind", "String", "job")), sent, QUEUE));
    }
}
