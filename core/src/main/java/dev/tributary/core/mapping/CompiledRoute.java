package dev.tributary.core.mapping;

import dev.tributary.core.delivery.DeliveryPolicy;
import dev.tributary.core.filter.EventFilter;
import dev.tributary.core.transform.JsonataTransform;
import java.util.List;
import java.util.Optional;

/**
 * A route ready for the data plane: filters compiled, names resolved, defaults applied.
 *
 * @param name unique route name
 * @param from the sources it listens to
 * @param to the sinks each passing event is delivered to
 * @param filter all of the route's filters, combined
 * @param transform what passing events are turned into before delivery, if anything
 * @param delivery retry, backoff, timeout and dead-letter policy for each sink
 * @param storageEvents which form object-storage events take on this route
 * @param reply the source into which sink replies are routed back, if any
 * @param flow ordering key and de-duplication (docs/flow-control.md)
 */
public record CompiledRoute(
        String name,
        List<String> from,
        List<String> to,
        EventFilter filter,
        Optional<JsonataTransform> transform,
        DeliveryPolicy delivery,
        StorageEvents storageEvents,
        Optional<String> reply,
        RouteFlow flow) {}
