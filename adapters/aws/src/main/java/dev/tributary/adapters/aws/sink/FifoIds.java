package dev.tributary.adapters.aws.sink;

import dev.tributary.core.flow.PartitionKey;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The {@code MessageGroupId} and {@code MessageDeduplicationId} of an event sent to an SQS FIFO
 * queue or SNS FIFO topic. Both take 1 to 128 characters of printable ASCII; a value outside that
 * is replaced by the hex SHA-256 of its UTF-8 bytes (64 characters), so it stays stable per value.
 * Pure and thread-safe.
 */
public final class FifoIds {

    private static final Pattern ALLOWED = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private FifoIds() {}

    /**
     * The group: the event's ordering key ({@link PartitionKey}) when it has one, else its
     * {@code source} (events of one source stay in order).
     */
    public static String group(CloudEvent event) {
        return fit(PartitionKey.of(event).orElseGet(() -> event.getSource().toString()));
    }

    /**
     * The deduplication id: the hex SHA-256 of {@code source}, a newline and {@code id}. CloudEvents
     * makes {@code source} + {@code id} unique, not {@code id} alone, so two sources' events with
     * the same id are not taken for duplicates; a redelivered event gets the same id and is dropped
     * by the queue or topic within its five-minute window.
     */
    public static String deduplication(CloudEvent event) {
        return sha256(event.getSource() + "\n" + event.getId());
    }

    static String fit(String value) {
        return ALLOWED.matcher(value).matches() ? value : sha256(value);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
