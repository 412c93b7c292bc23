package dev.tributary.core.filter;

import io.cloudevents.CloudEvent;
import java.util.List;

/** The {@code any} dialect: passes when at least one nested filter passes; an empty list fails. */
public final class AnyFilter implements EventFilter {

    private final EventFilter[] filters;

    public AnyFilter(List<EventFilter> filters) {
        this.filters = filters.toArray(EventFilter[]::new);
    }

    @Override
    public boolean test(CloudEvent event) {
        for (EventFilter filter : filters) {
            if (filter.test(event)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "any " + List.of(filters);
    }
}
