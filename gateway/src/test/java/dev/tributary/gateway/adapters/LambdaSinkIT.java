package dev.tributary.gateway.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.gateway.testing.GatewayExtension;
import dev.tributary.gateway.testing.GatewayUnderTest;
import dev.tributary.gateway.testing.RecordingSink;
import dev.tributary.gateway.testing.RecordingSink.Response;
import dev.tributary.gateway.testing.SigV4;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code aws-lambda} sink against a loopback server implementing Lambda's {@code Invoke} REST
 * call: requests are SigV4-signed (the signature is recomputed and compared), function errors are
 * failed deliveries that end in the dead-letter sink, throttling is retried, {@code Event}
 * invocations are asynchronous.
 */
class LambdaSinkIT {

    private static final String INVOKE = "/2015-03-31/functions/resize/invocations";
    private static final String INVOKE_ASYNC = "/2015-03-31/functions/audit/invocations";

    private static final String MAPPINGS = """
            apiVersion: tributary.dev/v1
            sources:
              in: { type: cloudevents, auth: none }
              async: { type: cloudevents, auth: none }
            sinks:
              resize: { type: aws-lambda, function: resize, region: us-east-1, endpoint: SINK }
              audit: { type: aws-lambda, function: audit, region: us-east-1, endpoint: SINK, invocationType: Event, payload: data }
              dead: { type: http, url: SINK/dead }
            routes:
              - name: resize
                from: [in]
                to: [resize]
                delivery: { retry: 2, backoffDelay: PT0.05S, deadLetterSink: dead }
              - name: audit
                from: [async]
                to: [audit]
            """;

    @RegisterExtension
    static final GatewayExtension GATEWAY = GatewayExtension.withAwsTestCredentials(MAPPINGS);

    private final RecordingSink lambda = GATEWAY.sink();
    private final GatewayUnderTest gateway = GATEWAY.gateway();

    @Test
    void aSuccessfulInvokeIsSignedAndCarriesTheStructuredCloudEvent() throws Exception {
        assertEquals(202, push("in", "ok-1").statusCode());

        RecordingSink.Request invoke = lambda.next(INVOKE, 10);
        assertEquals("RequestResponse", invoke.header("x-amz-invocation-type"));
        SigV4.assertSigned(lambda, invoke, "lambda", "us-east-1");
        JsonNode payload = new ObjectMapper().readTree(invoke.body());
        assertEquals("ok-1", payload.get("id").asText());
        assertEquals("1.0", payload.get("specversion").asText());
        assertEquals(42, payload.at("/data/size").asInt());
    }

    @Test
    void aFunctionErrorIsRetriedThenDeadLettered() throws Exception {
        Response failure = new Response(
                200,
                Map.of("X-Amz-Function-Error", "Unhandled"),
                "{\"errorMessage\":\"cannot decode image\",\"errorType\":\"IOException\"}",
                0);
        lambda.script(INVOKE, failure, failure, failure);

        assertEquals(202, push("in", "broken-1").statusCode());

        for (int attempt = 1; attempt <= 3; attempt++) {
            lambda.next(INVOKE, 10);
        }
        RecordingSink.Request dead = lambda.next("/dead", 10);
        assertEquals("broken-1", dead.header("ce-id"));
        assertEquals(
                "resize", dead.header("ce-knativeerrordest").replace("%20", " ").split(" ")[0]);
        assertEquals("200", dead.header("ce-knativeerrorcode"), "the status of the Invoke call");
        String data = new String(Base64.getDecoder().decode(dead.header("ce-knativeerrordata")));
        assertTrue(data.contains("cannot decode image"), data);
    }

    @Test
    void throttlingIsRetriedWithBackoff() throws Exception {
        Response throttled = new Response(
                429,
                Map.of("x-amzn-ErrorType", "TooManyRequestsException"),
                "{\"message\":\"Rate exceeded\",\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\"}",
                0);
        lambda.script(INVOKE, throttled, throttled);

        assertEquals(202, push("in", "busy-1").statusCode());

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertEquals(
                    "busy-1",
                    new ObjectMapper()
                            .readTree(lambda.next(INVOKE, 10).body())
                            .get("id")
                            .asText());
        }
        assertEquals(0, lambda.pending("/dead"));
    }

    @Test
    void eventInvocationsAreAsynchronousAndCanSendOnlyTheData() throws Exception {
        lambda.script(INVOKE_ASYNC, Response.status(202));

        assertEquals(202, push("async", "async-1").statusCode());

        RecordingSink.Request invoke = lambda.next(INVOKE_ASYNC, 10);
        assertEquals("Event", invoke.header("x-amz-invocation-type"));
        assertEquals("{\"size\":42}", invoke.bodyText());
        SigV4.assertSigned(lambda, invoke, "lambda", "us-east-1");
    }

    private HttpResponse<String> push(String source, String id) throws Exception {
        return gateway.pushEvent(source, id, "com.example.image", "{\"size\":42}");
    }
}
