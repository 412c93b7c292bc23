package dev.tributary.adapters.aws;

import java.util.Objects;

/**
 * One SQS or SNS message attribute, reduced to what becomes a CloudEvent extension.
 *
 * @param name the attribute name as sent
 * @param dataType {@code String}, {@code Number}, {@code Binary} or a custom {@code Type.label}
 * @param value the value as a string; binary values base64-encoded
 */
public record MessageAttribute(String name, String dataType, String value) {

    public MessageAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(value, "value");
    }
}
