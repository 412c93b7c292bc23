package dev.tributary.core.filter;

import io.cloudevents.CloudEvent;

/**
 * A compiled filter: decides whether an event passes. Implementations are immutable and
 * thread-safe, and never throw for a well-formed event: an attribute that is missing, or an
 * expression that fails to evaluate, makes the filter fail.
 *
 * <p>The dialects follow the CloudEvents Subscriptions API filters as Knative Triggers implement them.
 *
 * @see <a href="https://knative.dev/docs/eventing/triggers/#trigger-filtering">Knative Trigger filters</a>
 */
@FunctionalInterface
public interface EventFilter {

    /** The filter of a route that has none: every event passes. */
    EventFilter ACCEPT_ALL = event -> true;

    boolean test(CloudEvent event);
}
