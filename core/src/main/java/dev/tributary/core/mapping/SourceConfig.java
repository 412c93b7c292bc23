package dev.tributary.core.mapping;

/** A named source from the mapping file: where events come in. */
public record SourceConfig(String name, String type, Options options) {

    /** Whether this source receives pushes on {@code POST /sources/{name}}. */
    public boolean isPush() {
        return ComponentCatalog.isPushSource(type);
    }
}
