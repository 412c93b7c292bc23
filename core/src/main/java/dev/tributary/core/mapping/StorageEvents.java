package dev.tributary.core.mapping;

/** Which form a route wants object-storage events in (see docs/cloudevents-mapping.md). */
public enum StorageEvents {
    /** Each provider's own event types (the default). */
    NATIVE,
    /** Tributary's provider-neutral {@code dev.tributary.storage.object.*} events. */
    NEUTRAL
}
