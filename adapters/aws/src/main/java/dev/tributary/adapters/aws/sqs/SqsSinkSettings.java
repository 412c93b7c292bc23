package dev.tributary.adapters.aws.sqs;

import dev.tributary.adapters.aws.sink.AwsClientOptions;
import dev.tributary.core.mapping.SinkConfig;

/**
 * The options of an {@code aws-sqs} sink.
 *
 * @param queue {@code queueUrl}; a name ending in {@code .fifo} is a FIFO queue
 * @param client {@code region} (else the one in the queue URL's host, else the SDK's default chain) and {@code endpoint}
 * @param binary {@code mode: binary}: {@link dev.tributary.adapters.aws.sink.BinaryMessage}; the
 *     default, {@code structured}, sends the structured JSON format
 */
record SqsSinkSettings(QueueAddress queue, AwsClientOptions client, boolean binary) {

    /** @throws IllegalArgumentException naming the sink and the option that cannot work */
    static SqsSinkSettings of(SinkConfig config) {
        QueueAddress queue;
        try {
            queue = QueueAddress.parse(config.options().string("queueUrl").orElseThrow());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sink '" + config.name() + "': queueUrl: " + e.getMessage(), e);
        }
        return new SqsSinkSettings(
                queue,
                AwsClientOptions.of(config, queue.hostRegion()),
                config.options().string("mode").orElse("structured").equals("binary"));
    }

    boolean fifo() {
        return queue.name().endsWith(".fifo");
    }
}
