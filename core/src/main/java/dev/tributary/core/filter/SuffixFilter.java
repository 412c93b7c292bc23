package dev.tributary.core.filter;

/** The {@code suffix} dialect: the attribute's value {@code endsWith} the given string (case-sensitive). */
public final class SuffixFilter extends AttributeFilter {

    public SuffixFilter(String attribute, String value) {
        super(attribute, value);
    }

    @Override
    protected boolean matches(String actual, String expected) {
        return actual.endsWith(expected);
    }
}
