package dev.tributary.core.mapping;

/** The value shape of a source or sink option, as the loader checks it. */
enum OptionKind {
    STRING("a string"),
    BOOLEAN("true or false"),
    POSITIVE_INTEGER("a positive integer"),
    STRING_LIST("a list of strings"),
    STRING_MAP("a mapping of names to strings");

    final String description;

    OptionKind(String description) {
        this.description = description;
    }
}
