package dev.tributary.adapters.aws.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.tributary.core.flow.PartitionKey;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** FIFO group and deduplication ids. */
class FifoIdsTest {

    @Test
    void theGroupIsTheKeyElseTheSourceAndFitsWhatSqsAccepts() {
        CloudEvent event = event("/orders", "1");
        assertEquals("/orders", FifoIds.group(event));
        assertEquals("tenant-1", FifoIds.group(PartitionKey.with(event, "tenant-1")));
        CloudEvent tooLong = PartitionKey.with(event, "x".repeat(129));
        assertEquals(64, FifoIds.group(tooLong).length());
        assertEquals(FifoIds.group(tooLong), FifoIds.group(tooLong), "stable");
        assertEquals(64, FifoIds.group(PartitionKey.with(event, "caf\u00e9")).length(), "non-ASCII is hashed");
    }

    @Test
    void theDeduplicationIdDependsOnSourceAndId() {
        assertEquals(FifoIds.deduplication(event("/orders", "1")), FifoIds.deduplication(event("/orders", "1")));
        assertNotEquals(FifoIds.deduplication(event("/orders", "1")), FifoIds.deduplication(event("/invoices", "1")));
        assertNotEquals(FifoIds.deduplication(event("/orders", "1")), FifoIds.deduplication(event("/orders", "2")));
    }

    private static CloudEvent event(String source, String id) {
        return CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create(source))
                .withType("t")
                .build();
    }
}
