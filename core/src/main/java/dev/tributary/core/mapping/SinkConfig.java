package dev.tributary.core.mapping;

/** A named sink from the mapping file: where events go. */
public record SinkConfig(String name, String type, Options options) {}
