package dev.tributary.gateway.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.gateway.testing.GatewayExtension;
import dev.tributary.gateway.testing.GatewayUnderTest;
import dev.tributary.gateway.testing.RecordingSink;
import dev.tributary.gateway.testing.RecordingSink.Response;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

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

    static {
        // read by the SDK's default credentials chain; set before the gateway below starts
        System.setProperty("aws.accessKeyId", "AKIDTEST");
        System.setProperty("aws.secretAccessKey", "secret-test");
    }

    @AfterAll
    static void clearCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @RegisterExtension
    static final GatewayExtension GATEWAY = new GatewayExtension(MAPPINGS);

    private final RecordingSink lambda = GATEWAY.sink();
    private final GatewayUnderTest gateway = GATEWAY.gateway();

    @Test
    void aSuccessfulInvokeIsSignedAndCarriesTheStructuredCloudEvent() throws Exception {
        assertEquals(202, push("in", "ok-1").statusCode());

        RecordingSink.Request invoke = lambda.next(INVOKE, 10);
        assertEquals("RequestResponse", invoke.header("x-amz-invocation-type"));
        assertSignedByTheSdk(invoke);
        JsonNode payload = new ObjectMapper().readTree(invoke.body());
        assertEquals("ok-1", payload.get("id").asText());
        assertEquals("1.0", payload.get("specversion").asText());
        assertEquals(42, payload.at("/data/size").asInt());
    }

    @Test
    void aFunctionErrorIsRetriedThenDeadLettered() throws Exception {
        Response failure = new Response(200, Map.of("X-Amz-Function-Error", "Unhandled"),
                "{\"errorMessage\":\"cannot decode image\",\"errorType\":\"IOException\"}", 0);
        lambda.script(INVOKE, failure, failure, failure);

        assertEquals(202, push("in", "broken-1").statusCode());

        for (int attempt = 1; attempt <= 3; attempt++) {
            lambda.next(INVOKE, 10);
        }
        RecordingSink.Request dead = lambda.next("/dead", 10);
        assertEquals("broken-1", dead.header("ce-id"));
        assertEquals("resize", dead.header("ce-knativeerrordest").replace("%20", " ").split(" ")[0]);
        assertEquals("200", dead.header("ce-knativeerrorcode"), "the status of the Invoke call");
        String data = new String(Base64.getDecoder().decode(dead.header("ce-knativeerrordata")));
        assertTrue(data.contains("cannot decode image"), data);
    }

    @Test
    void throttlingIsRetriedWithBackoff() throws Exception {
        Response throttled = new Response(429, Map.of("x-amzn-ErrorType", "TooManyRequestsException"),
                "{\"message\":\"Rate exceeded\",\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\"}", 0);
        lambda.script(INVOKE, throttled, throttled);

        assertEquals(202, push("in", "busy-1").statusCode());

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertEquals("busy-1", new ObjectMapper().readTree(lambda.next(INVOKE, 10).body()).get("id").asText());
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
        assertSignedByTheSdk(invoke);
    }

    private HttpResponse<String> push(String source, String id) throws Exception {
        return gateway.pushEvent(source, id, "com.example.image", "{\"size\":42}");
    }

    /** Recomputes the SigV4 signature of the recorded request over its signed headers, and compares. */
    private void assertSignedByTheSdk(RecordingSink.Request request) {
        String authorization = request.header("authorization");
        assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/"), authorization);
        assertTrue(authorization.contains("/us-east-1/lambda/aws4_request"), authorization);
        String signedHeaders = authorization.replaceAll(".*SignedHeaders=([^,]+),.*", "$1");
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(URI.create(lambda.url() + request.path()));
        for (String header : signedHeaders.split(";")) {
            if (!header.equals("x-amz-date")) {
                unsigned.putHeader(header, request.header(header));
            }
        }
        Instant signedAt = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX").withZone(ZoneOffset.UTC)
                .parse(request.header("x-amz-date"), Instant::from);
        var signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create("AKIDTEST", "secret-test"))
                .request(unsigned.build())
                .payload(ContentStreamProvider.fromByteArray(request.body()))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "lambda")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)));
        assertEquals(signed.request().firstMatchingHeader("Authorization").orElseThrow(), authorization);
    }
}
