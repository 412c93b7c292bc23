package dev.tributary.adapters.aws.sink;

import dev.tributary.core.binding.AttributeBinding;
import dev.tributary.core.mapping.OptionSpec;
import io.cloudevents.CloudEvent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * An event as an SQS or SNS message in binary mode ({@code mode: binary}): the message attributes
 * of {@link AttributeBinding} (String attributes {@code ce-specversion}, {@code ce-id}, …,
 * {@code content-type}) and the event data as the body. Tributary's {@code aws-sqs} and
 * {@code aws-sns} sources read it back unchanged.
 *
 * <p>What binary mode cannot carry is refused, so that the event is dead-lettered at once rather
 * than sent wrong: more than {@value #MAX_ATTRIBUTES} attributes (SQS's and SNS's limit), no data
 * (a body must not be empty), data that is not UTF-8 text (a body is text).
 *
 * @param attributes the message attributes, all of data type String
 * @param body the message body
 */
public record BinaryMessage(Map<String, String> attributes, String body) {

    /** Message attributes SQS and SNS accept per message. */
    public static final int MAX_ATTRIBUTES = 10;

    /** The declaration of the SQS and SNS sinks' {@code mode}; {@code body} names what carries the event. */
    public static OptionSpec mode(String body) {
        return OptionSpec.oneOf(
                        "mode",
                        "structured (the CloudEvent JSON as " + body + ") or binary (ce- message "
                                + "attributes, the data as " + body + ").",
                        "structured",
                        "binary")
                .withDefault("structured");
    }

    /**
     * The attributes as one SDK's message attribute values (SQS and SNS each have their own type),
     * in this message's order.
     */
    public <V> Map<String, V> attributesAs(Function<String, V> stringAttribute) {
        Map<String, V> converted = new LinkedHashMap<>();
        attributes.forEach((name, value) -> converted.put(name, stringAttribute.apply(value)));
        return converted;
    }

    /** @throws IllegalArgumentException saying why the event cannot be sent in binary mode */
    public static BinaryMessage of(CloudEvent event) {
        Map<String, String> attributes = AttributeBinding.write(event);
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw new IllegalArgumentException(
                    "binary mode needs " + attributes.size() + " message attributes, more than the " + MAX_ATTRIBUTES
                            + " SQS and SNS allow; use mode: structured");
        }
        byte[] data = event.getData() == null ? new byte[0] : event.getData().toBytes();
        if (data.length == 0) {
            throw new IllegalArgumentException("binary mode needs data for the message body; use mode: structured");
        }
        try {
            String body = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data))
                    .toString();
            return new BinaryMessage(attributes, body);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(
                    "binary mode needs text data (the body is text); use mode: structured", e);
        }
    }
}
