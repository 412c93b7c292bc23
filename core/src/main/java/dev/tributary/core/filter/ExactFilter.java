package dev.tributary.core.filter;

/** The {@code exact} dialect: the attribute's value {@code equals} the given string (case-sensitive). */
public final class ExactFilter extends AttributeFilter {

    public ExactFilter(String attribute, String value) {
        super(attribute, value);
    }

    @Override
    protected boolean matches(String actual, String expected) {
        return actual.equals(expected);
    }
}
