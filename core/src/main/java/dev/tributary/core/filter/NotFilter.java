package dev.tributary.core.filter;

import io.cloudevents.CloudEvent;
import java.util.Objects;

/** The {@code not} dialect: passes when the nested filter fails. */
public final class NotFilter implements EventFilter {

    private final EventFilter negated;

    public NotFilter(EventFilter negated) {
        this.negated = Objects.requireNonNull(negated, "negated");
    }

    @Override
    public boolean test(CloudEvent event) {
        return !negated.test(event);
    }

    @Override
    public String toString() {
        return "not " + negated;
    }
}
