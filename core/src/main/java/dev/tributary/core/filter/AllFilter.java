package dev.tributary.core.filter;

import io.cloudevents.CloudEvent;
import java.util.List;

/** The {@code all} dialect (and a route's filter list): passes when every nested filter passes; an empty list passes. */
public final class AllFilter implements EventFilter {

    private final EventFilter[] filters;

    public AllFilter(List<EventFilter> filters) {
        this.filters = filters.toArray(EventFilter[]::new);
    }

    @Override
    public boolean test(CloudEvent event) {
        for (EventFilter filter : filters) {
            if (!filter.test(event)) {
                return false;
            }
        }
        return true;
    }

    /** The nested filters, in order. */
    public List<EventFilter> filters() {
        return List.of(filters);
    }

    @Override
    public String toString() {
        return "all " + List.of(filters);
    }
}
