package dev.tributary.examples.thumbnail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LambdaHandlerTest {

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final LambdaHandler handler =
            new LambdaHandler(new ThumbnailService(store, new Thumbnails(Settings.DEFAULT_MAX_PIXELS)));

    @Test
    void aStructuredCloudEventWritesTheThumbnail() throws IOException {
        store.with("photos", "uploads/cat.jpg", TestImages.jpeg(1200, 900));

        JsonNode outcomes = invoke(TestEvents.structured(TestEvents.neutral("l-1", "photos", "uploads/cat.jpg")));

        assertEquals(1, outcomes.size());
        assertEquals("l-1", outcomes.get(0).path("id").asText());
        assertEquals("written", outcomes.get(0).path("outcome").asText());
        assertEquals(
                "image/jpeg",
                store.stored("photos", "thumbnails/uploads/cat.jpg").contentType());
    }

    @Test
    void aRawS3NotificationIsHandledRecordByRecord() throws IOException {
        store.with("photos", "uploads/red flower.png", TestImages.png(900, 300));
        JsonNode notification = TestEvents.s3Notification(
                TestEvents.s3Record("photos", "uploads/red+flower.png"),
                TestEvents.s3Record("photos", "thumbnails/old.png"));

        JsonNode outcomes = invoke(notification.toString().getBytes(StandardCharsets.UTF_8));

        assertEquals(2, outcomes.size());
        assertEquals(
                "C3D13FE58DE4C810.FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD",
                outcomes.get(0).path("id").asText());
        assertEquals(
                "thumbnails/uploads/red flower.png",
                outcomes.get(0).path("thumbnail").asText());
        assertEquals("already-a-thumbnail", outcomes.get(1).path("reason").asText());
        assertNotNull(store.stored("photos", "thumbnails/uploads/red flower.png"));
    }

    @Test
    void aPayloadThatIsNeitherFailsNamingBothShapes() {
        byte[] payload = "{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\"}".getBytes(StandardCharsets.UTF_8);

        MalformedEventException e = assertThrows(MalformedEventException.class, () -> invoke(payload));
        assertTrue(e.getMessage().contains("no specversion") && e.getMessage().contains("no Records"), e.getMessage());
    }

    @Test
    void anInvalidCloudEventFails() {
        byte[] payload = "{\"specversion\":\"1.0\",\"type\":\"x\"}".getBytes(StandardCharsets.UTF_8);

        MalformedEventException e = assertThrows(MalformedEventException.class, () -> invoke(payload));
        assertTrue(e.getMessage().startsWith("the invocation payload is not a valid CloudEvent"), e.getMessage());
    }

    @Test
    void anUnavailableStoreFailsTheInvocationForLambdaToRetry() {
        store.makeUnavailable("down");

        assertThrows(
                StorageUnavailableException.class,
                () -> invoke(TestEvents.structured(TestEvents.neutral("l-2", "down", "a.jpg"))));
    }

    private JsonNode invoke(byte[] payload) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(payload), output, new FakeContext());
        return TestEvents.JSON.readTree(output.toByteArray());
    }

    /** The parts of a Lambda context a test can know; the handler needs none of them. */
    private static final class FakeContext implements Context {
        @Override
        public String getAwsRequestId() {
            return "00000000-0000-4000-8000-000000000001";
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/thumbnailer";
        }

        @Override
        public String getLogStreamName() {
            return "2026/03/14/[$LATEST]0123456789abcdef";
        }

        @Override
        public String getFunctionName() {
            return "thumbnailer";
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:eu-west-1:123456789012:function:thumbnailer";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 30_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    System.out.println(message);
                }

                @Override
                public void log(byte[] message) {
                    System.out.println(new String(message, StandardCharsets.UTF_8));
                }
            };
        }
    }
}
