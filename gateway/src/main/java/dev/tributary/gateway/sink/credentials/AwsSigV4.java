package dev.tributary.gateway.sink.credentials;

import io.netty.handler.codec.http.HttpHeaders;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Signs each request with AWS Signature Version 4 ({@code type: aws-sigv4}), as Lambda function
 * URLs ({@code service: lambda}) and API Gateway IAM routes ({@code service: execute-api}) require,
 * with the AWS SDK's signer and its default credentials chain (environment, profile, web identity,
 * container and instance roles), which caches credentials and refreshes them before they expire.
 * The signature covers the method, path, query, host, date and a SHA-256 of the body.
 */
final class AwsSigV4 implements Credentials {

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final AwsCredentialsProvider credentials;
    private final String service;
    private final String region;

    AwsSigV4(AwsCredentialsProvider credentials, String service, String region) {
        this.credentials = credentials;
        this.service = service;
        this.region = region;
    }

    @Override
    public CompletionStage<Void> apply(URI url, String method, HttpHeaders headers, byte[] body) {
        try {
            SdkHttpRequest.Builder request = SdkHttpRequest.builder().uri(url).method(SdkHttpMethod.fromValue(method));
            headers.forEach(header -> request.appendHeader(header.getKey(), header.getValue()));
            SignedRequest signed = signer.sign(sign -> sign.identity(credentials.resolveCredentials())
                    .request(request.build())
                    .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region));
            for (Map.Entry<String, java.util.List<String>> header :
                    signed.request().headers().entrySet()) {
                headers.set(header.getKey(), header.getValue());
            }
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "cannot sign the request with SigV4: " + e.getClass().getSimpleName(), e));
        }
    }
}
