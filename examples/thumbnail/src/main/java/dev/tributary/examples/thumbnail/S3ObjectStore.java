package dev.tributary.examples.thumbnail;

import java.io.IOException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@link ObjectStore} over the S3 API (AWS SDK v2), so the same code serves AWS S3 and any
 * S3-compatible store. Credentials come from the SDK's default chain (environment variables
 * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, profile, container or Lambda role).
 * Failures other than a missing object become {@link StorageUnavailableException}, after the SDK's
 * own retries. Thread-safe, as {@link S3Client} is.
 */
public final class S3ObjectStore implements ObjectStore {

    private final S3Client s3;
    private final int maxObjectBytes;

    /** @param maxObjectBytes objects larger than this are refused without being read */
    public S3ObjectStore(S3Client s3, int maxObjectBytes) {
        this.s3 = s3;
        this.maxObjectBytes = maxObjectBytes;
    }

    /**
     * A client for {@code settings}: the URLConnection HTTP client; with an endpoint override,
     * path-style addressing and checksums only where the API requires them (many S3-compatible
     * stores reject the SDK's default trailing checksums).
     */
    public static S3Client client(Settings settings) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(settings.region());
        settings.s3Endpoint()
                .ifPresent(endpoint -> builder.endpointOverride(endpoint)
                        .forcePathStyle(true)
                        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
        return builder.build();
    }

    @Override
    public byte[] get(ObjectRef object) throws UnusableObjectException {
        try (ResponseInputStream<GetObjectResponse> in =
                s3.getObject(request -> request.bucket(object.bucket()).key(object.key()))) {
            Long length = in.response().contentLength();
            if (length != null && length > maxObjectBytes) {
                in.abort();
                throw tooLarge(length);
            }
            byte[] content = in.readNBytes(maxObjectBytes + 1);
            if (content.length > maxObjectBytes) {
                in.abort();
                throw tooLarge(content.length);
            }
            return content;
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            throw new UnusableObjectException(SkipReason.OBJECT_NOT_FOUND, describe(e));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new UnusableObjectException(SkipReason.OBJECT_NOT_FOUND, describe(e));
            }
            throw unavailable("get", object, e);
        } catch (SdkException | IOException e) {
            throw unavailable("get", object, e);
        }
    }

    @Override
    public void put(ObjectRef object, byte[] content, String contentType) {
        try {
            s3.putObject(
                    request -> request.bucket(object.bucket()).key(object.key()).contentType(contentType),
                    RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw unavailable("put", object, e);
        }
    }

    private UnusableObjectException tooLarge(long length) {
        return new UnusableObjectException(
                SkipReason.OBJECT_TOO_LARGE,
                "the object has " + length + " bytes, more than the limit of " + maxObjectBytes);
    }

    private static StorageUnavailableException unavailable(String operation, ObjectRef object, Exception e) {
        String detail = e instanceof S3Exception s3 ? describe(s3) : e.getMessage();
        return new StorageUnavailableException(
                "cannot " + operation + " s3://" + object.bucket() + "/" + object.key() + ": " + detail, e);
    }

    private static String describe(S3Exception e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return "S3 answered " + e.statusCode() + (code == null ? "" : " " + code);
    }
}
