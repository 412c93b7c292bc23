package dev.tributary.adapters.aws;

import dev.tributary.core.binding.AttributeBinding;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A binary-mode CloudEvent in SQS or SNS message attributes, what the {@code aws-sqs} and
 * {@code aws-sns} sinks send with {@code mode: binary}: a {@code ce-specversion} attribute marks
 * it; {@link AttributeBinding} reads the {@code ce-*} and {@code content-type} attributes and the
 * body is the data. Such a message passes through unchanged. Stateless and thread-safe.
 */
public final class BinaryEvents {

    private BinaryEvents() {}

    /**
     * The event, or empty when the attributes carry none.
     *
     * @throws dev.tributary.core.decode.DecodeException when they mark an event that is invalid
     */
    public static Optional<CloudEvent> read(List<MessageAttribute> attributes, String body) {
        Map<String, String> values = new LinkedHashMap<>();
        attributes.forEach(attribute -> values.put(attribute.name(), attribute.value()));
        return AttributeBinding.read(values, body.getBytes(StandardCharsets.UTF_8));
    }
}
