package dev.tributary.core.filter;

/** The {@code prefix} dialect: the attribute's value {@code startsWith} the given string (case-sensitive). */
public final class PrefixFilter extends AttributeFilter {

    public PrefixFilter(String attribute, String value) {
        super(attribute, value);
    }

    @Override
    protected boolean matches(String actual, String expected) {
        return actual.startsWith(expected);
    }
}
