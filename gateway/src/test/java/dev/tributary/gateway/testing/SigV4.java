package dev.tributary.gateway.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * What an AWS service checks first: recomputes the SigV4 signature of a request a
 * {@link RecordingSink} received (POST, over its signed headers and body, at its
 * {@code x-amz-date}) with the test credentials, and compares it with the one sent.
 */
public final class SigV4 {

    /** The access key id the AWS sink tests put in the SDK's default credentials chain. */
    public static final String ACCESS_KEY = "AKIDTEST";
    /** Its secret. */
    public static final String SECRET = "secret-test";

    private SigV4() {}

    /** Sets the test credentials as the system properties the SDK's default chain reads. */
    static void useTestCredentials() {
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET);
    }

    static void clearTestCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    /**
     * @param service the signing name, e.g. {@code lambda}, {@code sns}, {@code events}
     * @param region the signing region
     */
    public static void assertSigned(RecordingSink sink, RecordingSink.Request request, String service, String region) {
        String authorization = request.header("authorization");
        assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/"), authorization);
        assertTrue(authorization.contains("/" + region + "/" + service + "/aws4_request"), authorization);
        String signedHeaders = authorization.replaceAll(".*SignedHeaders=([^,]+),.*", "$1");
        SdkHttpRequest.Builder unsigned =
                SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(URI.create(sink.url() + request.path()));
        for (String header : signedHeaders.split(";")) {
            if (!header.equals("x-amz-date")) {
                unsigned.putHeader(header, request.header(header));
            }
        }
        Instant signedAt = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX")
                .withZone(ZoneOffset.UTC)
                .parse(request.header("x-amz-date"), Instant::from);
        var signed = AwsV4HttpSigner.create()
                .sign(r -> r.identity(AwsCredentialsIdentity.create(ACCESS_KEY, SECRET))
                        .request(unsigned.build())
                        .payload(ContentStreamProvider.fromByteArray(request.body()))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)));
        assertEquals(signed.request().firstMatchingHeader("Authorization").orElseThrow(), authorization);
    }
}
