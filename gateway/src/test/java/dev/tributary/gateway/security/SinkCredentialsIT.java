package dev.tributary.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tributary.gateway.testing.GatewayUnderTest;
import dev.tributary.gateway.testing.RecordingSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Outbound credentials checked as the destinations check them (a function-key header, a bearer
 * token, a rotating token file, a SigV4 signature recomputed here from the AWS specification), and
 * no secret of the mappings in the logs, error bodies or metrics.
 */
class SinkCredentialsIT {

    private static final String FUNCTION_KEY = "fn-key-8c1d5e0f";
    private static final String TOKEN = "static-token-93be";
    private static final String SOURCE_SECRET = "source-secret-77aa";
    private static final String AWS_KEY_ID = "AKIDEXAMPLE";
    private static final String AWS_SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    @TempDir
    Path dir;

    @Test
    void eachSinkCarriesItsCredentialsAndNoSecretLeaks() throws Exception {
        Path tokenFile = Files.writeString(dir.resolve("token"), "projected-token-1\n");
        System.setProperty("aws.accessKeyId", AWS_KEY_ID);
        System.setProperty("aws.secretAccessKey", AWS_SECRET);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        String mappings = """
                apiVersion: tributary.dev/v1
                sources:
                  in: { type: cloudevents, secret: "%s" }
                sinks:
                  azure-fn: { type: http, url: SINK/azure, headers: { x-functions-key: "${TRIBUTARY_IT_UNSET:-%s}" } }
                  api: { type: http, url: SINK/api, auth: { type: bearer, token: "%s" } }
                  k8s: { type: http, url: SINK/k8s, auth: { type: token-file, path: "%s" } }
                  lambda: { type: http, url: SINK/lambda, auth: { type: aws-sigv4, service: lambda, region: us-east-1 } }
                routes:
                  - { name: all, from: [in], to: [azure-fn, api, k8s, lambda] }
                """.formatted(SOURCE_SECRET, FUNCTION_KEY, TOKEN, tokenFile);
        try (RecordingSink sink = new RecordingSink();
                GatewayUnderTest gateway = new GatewayUnderTest(mappings, sink)) {
            assertEquals(202, push(gateway, "1", SOURCE_SECRET).statusCode());
            assertEquals(FUNCTION_KEY, sink.next("/azure", 10).header("x-functions-key"));
            assertEquals("Bearer " + TOKEN, sink.next("/api", 10).header("authorization"));
            assertEquals("Bearer projected-token-1", sink.next("/k8s", 10).header("authorization"));
            assertSigV4(sink.next("/lambda", 10), "/lambda", "lambda", "us-east-1");

            Files.writeString(tokenFile, "projected-token-2\n");
            String seen = "";
            for (int attempt = 0; attempt < 20 && !seen.equals("Bearer projected-token-2"); attempt++) {
                Thread.sleep(300);
                push(gateway, "r" + attempt, SOURCE_SECRET);
                seen = sink.next("/k8s", 10).header("authorization");
            }
            assertEquals("Bearer projected-token-2", seen, "the rotated token file is read again");

            var refused = push(gateway, "x", "wrong-" + SOURCE_SECRET);
            assertEquals(403, refused.statusCode());
            var unauthenticated = gateway.pushEvent("in", "y", "t", "{}");
            assertEquals(401, unauthenticated.statusCode());
            String outputs = refused.body()
                    + unauthenticated.body()
                    + gateway.getManagement("/prometheus").body()
                    + String.join(
                            "\n",
                            logs.list.stream()
                                    .map(ILoggingEvent::getFormattedMessage)
                                    .toList());
            for (String secret : new String[] {FUNCTION_KEY, TOKEN, SOURCE_SECRET, "projected-token", AWS_SECRET}) {
                assertFalse(outputs.contains(secret), "secret in logs, answers or metrics: " + secret);
            }
        } finally {
            root.detachAppender(logs);
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    private static java.net.http.HttpResponse<String> push(GatewayUnderTest gateway, String id, String secret)
            throws Exception {
        return gateway.post(
                "/sources/in",
                "{\"n\":1}",
                "Content-Type",
                "application/json",
                "Authorization",
                "Bearer " + secret,
                "ce-specversion",
                "1.0",
                "ce-id",
                id,
                "ce-source",
                "/t",
                "ce-type",
                "t");
    }

    /** Recomputes the SigV4 signature of a received request as AWS does, from the signed headers it names. */
    private static void assertSigV4(RecordingSink.Request request, String path, String service, String region)
            throws Exception {
        String authorization = request.header("authorization");
        assertNotNull(authorization, "no Authorization header");
        Matcher parts = Pattern.compile("AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, "
                        + "SignedHeaders=([^,]+), Signature=([0-9a-f]{64})")
                .matcher(authorization);
        assertTrue(parts.matches(), authorization);
        assertEquals(AWS_KEY_ID, parts.group(1));
        assertEquals(region, parts.group(3));
        assertEquals(service, parts.group(4));
        String amzDate = request.header("x-amz-date");
        assertTrue(amzDate.startsWith(parts.group(2)), amzDate);
        Map<String, String> signed = new TreeMap<>();
        for (String name : parts.group(5).split(";")) {
            signed.put(
                    name,
                    request.header(name) == null
                            ? ""
                            : request.header(name).strip().replaceAll(" +", " "));
        }
        assertTrue(signed.containsKey("host") && signed.containsKey("x-amz-date"), parts.group(5));
        StringBuilder canonicalHeaders = new StringBuilder();
        signed.forEach((name, value) ->
                canonicalHeaders.append(name).append(':').append(value).append('\n'));
        String canonicalRequest = "POST\n" + path + "\n\n" + canonicalHeaders + "\n" + parts.group(5) + "\n"
                + hex(sha256(request.body()));
        String scope = parts.group(2) + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + AWS_SECRET).getBytes(StandardCharsets.UTF_8), parts.group(2));
        key = hmac(hmac(hmac(key, region), service), "aws4_request");
        assertEquals(hex(hmac(key, stringToSign)), parts.group(6), "the signature does not verify");
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
