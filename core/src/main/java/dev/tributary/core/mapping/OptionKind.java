package dev.tributary.core.mapping;

/** The value shape of a source or sink option, as the loader checks it. */
public enum OptionKind {
    STRING("a string"),
    BOOLEAN("true or false"),
    POSITIVE_INTEGER("a positive integer"),
    STRING_LIST("a list of strings"),
    STRING_MAP("a mapping of names to strings");

    private final String description;

    OptionKind(String description) {
        this.description = description;
    }

    /** How error messages name the expected shape, e.g. {@code a positive integer}. */
    public String description() {
        return description;
    }
}
