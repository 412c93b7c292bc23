package dev.tributary.adapters.aws;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.adapters.aws.envelope.InnerDocuments;
import dev.tributary.adapters.aws.eventbridge.EventBridgeDecoder;
import dev.tributary.adapters.aws.s3.S3NotificationDecoder;
import dev.tributary.adapters.aws.s3.S3TestEventDecoder;
import dev.tributary.adapters.aws.sns.SnsDelivery;
import dev.tributary.adapters.aws.sns.SnsEnvelopeDecoder;
import dev.tributary.adapters.aws.sns.SnsMessage;
import dev.tributary.adapters.aws.sns.SnsPushSource;
import dev.tributary.adapters.aws.sqs.SqsMessage;
import dev.tributary.adapters.aws.sqs.SqsMessageDecoder;
import dev.tributary.core.decode.DecodeException;
import dev.tributary.core.testing.GoldenFiles;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs the golden cases of {@code golden/aws/*} (see the README there for the input conventions). */
class GoldenTest {

    private static final String S3 = "golden/aws/s3";
    private static final String EVENTBRIDGE = "golden/aws/eventbridge";
    private static final String SNS = "golden/aws/sns";
    private static final String SQS = "golden/aws/sqs";

    @FunctionalInterface
    private interface CaseDecoder {
        List<CloudEvent> decode(byte[] input, JsonNode headers);
    }

    static Stream<String> s3() {
        return GoldenFiles.cases(S3);
    }

    static Stream<String> eventbridge() {
        return GoldenFiles.cases(EVENTBRIDGE);
    }

    static Stream<String> sns() {
        return GoldenFiles.cases(SNS);
    }

    static Stream<String> sqs() {
        return GoldenFiles.cases(SQS);
    }

    @ParameterizedTest
    @MethodSource
    void s3(String caseName) {
        run(S3, caseName, (input, headers) -> {
            JsonNode body = json(input);
            return S3TestEventDecoder.isTestEvent(body)
                    ? new S3TestEventDecoder(headers.path("forwardTestEvents").asBoolean()).decode(body)
                    : new S3NotificationDecoder().decode(body);
        });
    }

    @ParameterizedTest
    @MethodSource
    void eventbridge(String caseName) {
        run(EVENTBRIDGE, caseName, (input, headers) -> new EventBridgeDecoder().decode(json(input)));
    }

    @ParameterizedTest
    @MethodSource
    void sns(String caseName) {
        run(SNS, caseName, (input, headers) -> {
            SnsMessage message = SnsMessage.from(json(input));
            String source = headers.path(SnsPushSource.SUBSCRIPTION_ARN_HEADER).asText(message.topicArn());
            return new SnsEnvelopeDecoder(new InnerDocuments(false))
                    .decode(new SnsDelivery(message, input, source, List.of()));
        });
    }

    @ParameterizedTest
    @MethodSource
    void sqs(String caseName) {
        run(
                SQS,
                caseName,
                (input, headers) -> new SqsMessageDecoder(new InnerDocuments(
                                headers.path("forwardTestEvents").asBoolean()))
                        .decode(sqsMessage(input, headers)));
    }

    private static void run(String directory, String caseName, CaseDecoder decoder) {
        byte[] input = GoldenFiles.input(directory, caseName);
        JsonNode headers = GoldenFiles.headers(directory, caseName);
        if (GoldenFiles.isFailure(caseName)) {
            assertThrows(DecodeException.class, () -> decoder.decode(input, headers), caseName);
        } else {
            GoldenFiles.assertMatches(directory, caseName, decoder.decode(input, headers));
        }
    }

    private static JsonNode json(byte[] input) {
        return AwsJson.parse(new String(input, StandardCharsets.UTF_8), "the case input");
    }

    /** An SQS message from a case: the body, and the rest in SQS API names (see the README). */
    private static SqsMessage sqsMessage(byte[] body, JsonNode headers) {
        List<MessageAttribute> attributes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry :
                headers.path("MessageAttributes").properties()) {
            JsonNode value = entry.getValue();
            String text = value.has("BinaryValue")
                    ? value.get("BinaryValue").asText()
                    : value.get("StringValue").asText();
            attributes.add(
                    new MessageAttribute(entry.getKey(), value.get("DataType").asText(), text));
        }
        return new SqsMessage(
                headers.get("MessageId").asText(),
                new String(body, StandardCharsets.UTF_8),
                attributes,
                Instant.ofEpochMilli(headers.get("SentTimestamp").asLong()),
                headers.get("QueueArn").asText());
    }
}
