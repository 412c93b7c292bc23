package dev.tributary.adapters.aws.sns;

import dev.tributary.adapters.aws.sink.AwsClientOptions;
import dev.tributary.core.mapping.SinkConfig;

/**
 * The options of an {@code aws-sns} sink.
 *
 * @param topicArn {@code topicArn}; a name ending in {@code .fifo} is a FIFO topic
 * @param client {@code region} (else the ARN's, else the SDK's default chain) and {@code endpoint}
 * @param binary {@code mode: binary}: {@link dev.tributary.adapters.aws.sink.BinaryMessage}; the
 *     default, {@code structured}, sends the structured JSON format
 */
record SnsSinkSettings(String topicArn, AwsClientOptions client, boolean binary) {

    /** @throws IllegalArgumentException naming the sink when the ARN is not an SNS topic ARN */
    static SnsSinkSettings of(SinkConfig config) {
        String arn = config.options().string("topicArn").orElseThrow();
        if (!arn.matches("arn:[^:]+:sns:[^:]*:[^:]*:[^:]+")) {
            throw new IllegalArgumentException("sink '" + config.name() + "': topicArn '" + arn
                    + "' is not a topic ARN like arn:aws:sns:eu-west-1:123456789012:name");
        }
        return new SnsSinkSettings(
                arn,
                AwsClientOptions.of(config, AwsClientOptions.regionOfArn(arn)),
                config.options().string("mode").orElse("structured").equals("binary"));
    }

    boolean fifo() {
        return topicArn.endsWith(".fifo");
    }
}
