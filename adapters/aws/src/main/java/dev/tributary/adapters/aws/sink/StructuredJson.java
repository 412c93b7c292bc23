package dev.tributary.adapters.aws.sink;

import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import java.nio.charset.StandardCharsets;

/**
 * An event in the CloudEvents structured JSON format, as the text of an SQS body or SNS message.
 * Structured is these sinks' default mode ({@link BinaryMessage} is the other), for three reasons:
 * no CloudEvents protocol binding exists for SQS or SNS, so binary mode borrows the Pub/Sub
 * binding's attribute names; SQS and SNS allow at most 10 message attributes, fewer than the
 * attributes of an event with a subject, a time and a few extensions; and bodies are text, where
 * the JSON format carries binary data as {@code data_base64}. Tributary's {@code aws-sqs} and {@code aws-sns} sources read it back
 * unchanged. Stateless and thread-safe.
 */
public final class StructuredJson {

    private static final JsonFormat JSON = new JsonFormat();

    private StructuredJson() {}

    public static String of(CloudEvent event) {
        return new String(JSON.serialize(event), StandardCharsets.UTF_8);
    }
}
