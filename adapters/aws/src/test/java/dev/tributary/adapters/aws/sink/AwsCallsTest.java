package dev.tributary.adapters.aws.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tributary.core.delivery.SinkResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** How service errors become replies the delivery rules classify. */
class AwsCallsTest {

    @Test
    void throttlingIsRetriedWhateverItsStatus() {
        assertEquals(429, AwsCalls.reply(error(400, "ThrottlingException")).status());
        assertEquals(429, AwsCalls.reply(error(400, "Throttling")).status());
        assertEquals(429, AwsCalls.reply(error(429, "TooManyRequestsException")).status());
        assertEquals(
                SinkResponse.RETRIABLE,
                SinkResponse.classify(
                        AwsCalls.reply(error(400, "RequestThrottled")).status()));
    }

    @Test
    void permissionAndValidationErrorsAreDeadLetteredAndServerErrorsRetried() {
        assertEquals(
                SinkResponse.REJECTED,
                SinkResponse.classify(
                        AwsCalls.reply(error(403, "AccessDeniedException")).status()));
        assertEquals(
                SinkResponse.REJECTED,
                SinkResponse.classify(
                        AwsCalls.reply(error(400, "AuthorizationError")).status()));
        assertEquals(
                SinkResponse.RETRIABLE,
                SinkResponse.classify(
                        AwsCalls.reply(error(500, "InternalError")).status()));
        assertEquals(
                "AccessDeniedException: not allowed",
                new String(AwsCalls.reply(error(403, "AccessDeniedException")).body(), StandardCharsets.UTF_8));
    }

    private static AwsServiceException error(int status, String code) {
        return AwsServiceException.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage("not allowed")
                        .build())
                .build();
    }
}
