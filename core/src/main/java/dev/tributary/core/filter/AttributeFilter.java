package dev.tributary.core.filter;

import io.cloudevents.CloudEvent;
import java.util.Objects;

/**
 * Base of the single-attribute string dialects ({@code exact}, {@code prefix}, {@code suffix}):
 * the event passes when it has the attribute and its value matches. Immutable.
 */
public abstract class AttributeFilter implements EventFilter {

    private final String attribute;
    private final String expected;

    protected AttributeFilter(String attribute, String expected) {
        this.attribute = Objects.requireNonNull(attribute, "attribute");
        this.expected = Objects.requireNonNull(expected, "expected");
    }

    @Override
    public final boolean test(CloudEvent event) {
        String actual = EventAttributes.get(event, attribute);
        return actual != null && matches(actual, expected);
    }

    /** Whether an attribute's value matches the configured one. */
    protected abstract boolean matches(String actual, String expected);

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{" + attribute + "=" + expected + "}";
    }
}
