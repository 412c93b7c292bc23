package dev.tributary.core.mapping;

/**
 * A named source from the mapping file: where events come in.
 *
 * @param push whether its type, as declared by its provider, receives pushes on
 *     {@code POST /sources/{name}}
 */
public record SourceConfig(String name, String type, Options options, boolean push) {

    /** A source of a pull type (adapters' unit tests build their configs this way). */
    public SourceConfig(String name, String type, Options options) {
        this(name, type, options, false);
    }
}
