package dev.tributary.core.storage;

import io.cloudevents.CloudEvent;
import java.util.Optional;

/**
 * Recognises one provider's object-storage events (as that provider's decoder emits them) and
 * describes them neutrally. Adapters register mappers with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.tributary.core.storage.StorageEventMapper}). Pure and thread-safe.
 */
public interface StorageEventMapper {

    /** The neutral description, or empty when the event is not a created/deleted object event of this provider. */
    Optional<StorageObject> describe(CloudEvent providerEvent);
}
