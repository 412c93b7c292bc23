package dev.tributary.bench.jmh;

import dev.tributary.core.filter.EventFilter;
import dev.tributary.core.mapping.CompiledRoute;
import dev.tributary.core.mapping.MappingLoader;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The route filters the filter benchmark measures, written as a user writes them (mapping-file
 * YAML) and compiled by core's {@link MappingLoader}, so the measured filter is exactly what the
 * gateway runs for a route. Every filter passes {@link #event()}: a pass evaluates every part of a
 * filter, a fail may stop early.
 */
public final class RouteFilters {

    /** Filter name → the route's {@code filters:} entries. {@code none} is the no-filter baseline. */
    static final Map<String, List<String>> FILTERS = filters();

    private RouteFilters() {}

    /** Every filter name, the baseline first. */
    public static List<String> names() {
        return List.copyOf(FILTERS.keySet());
    }

    /** The filters that count as one simple dialect (target: at most 1 µs each). */
    public static List<String> simpleDialects() {
        return List.of("exact", "prefix", "suffix", "all", "any", "not");
    }

    /**
     * Compiles a named filter as the route filter of a one-route mapping.
     *
     * @throws IllegalArgumentException when the name is unknown
     */
    public static EventFilter compile(String name) {
        List<String> entries = FILTERS.get(name);
        if (entries == null) {
            throw new IllegalArgumentException("unknown filter '" + name + "', known: " + FILTERS.keySet());
        }
        StringBuilder fields = new StringBuilder();
        if (!entries.isEmpty()) {
            fields.append("    filters:\n");
            entries.forEach(entry -> fields.append("      - ").append(entry).append('\n'));
        }
        return route("filter " + name, fields.toString()).filter();
    }

    /**
     * Compiles the one route of a mapping, {@code bench} ({@code cloudevents} source) to {@code out}
     * ({@code log} sink), with more of the route's fields as YAML indented by four spaces.
     */
    static CompiledRoute route(String origin, String fields) {
        String yaml = """
                apiVersion: tributary.dev/v1
                sources: { bench: { type: cloudevents, auth: none } }
                sinks: { out: { type: log } }
                routes:
                  - name: bench
                    from: [bench]
                    to: [out]
                """ + fields;
        return new MappingLoader(variable -> null).load(origin, yaml).routes().get(0);
    }

    /** An S3 object-created event as the AWS adapter emits it. */
    public static CloudEvent event() {
        return CloudEventBuilder.v1()
                .withId("C3D13FE58DE4C810.FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S")
                .withSource(URI.create("aws:s3.eu-west-1.photos"))
                .withType("com.amazonaws.s3.ObjectCreated:Put")
                .withSubject("uploads/red flower.jpg")
                .withTime(OffsetDateTime.parse("2026-03-14T09:26:53.589Z"))
                .withDataContentType("application/json")
                .withData("{\"s3\":{\"object\":{\"size\":48213}}}".getBytes(StandardCharsets.UTF_8))
                .build();
    }

    private static Map<String, List<String>> filters() {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        filters.put("none", List.of());
        filters.put("exact", List.of("exact: { type: 'com.amazonaws.s3.ObjectCreated:Put' }"));
        filters.put("prefix", List.of("prefix: { type: 'com.amazonaws.s3.ObjectCreated:' }"));
        filters.put("suffix", List.of("suffix: { subject: .jpg }"));
        filters.put("all", List.of("all: [ { prefix: { subject: uploads/ } }, { suffix: { subject: .jpg } } ]"));
        filters.put("any", List.of("any: [ { suffix: { subject: .png } }, { suffix: { subject: .jpg } } ]"));
        filters.put("not", List.of("not: { prefix: { subject: thumbnails/ } }"));
        filters.put("cesql", List.of("cesql: \"type LIKE 'com.amazonaws.s3.ObjectCreated:%'\""));
        filters.put(
                "pattern",
                List.of("pattern: { type: [ { prefix: 'com.amazonaws.s3.ObjectCreated:' } ],"
                        + " data: { s3: { object: { size: [ { numeric: [ '>', 0 ] } ] } } } }"));
        filters.put(
                "route-5",
                List.of(
                        "prefix: { type: 'com.amazonaws.s3.ObjectCreated:' }",
                        "exact: { source: 'aws:s3.eu-west-1.photos' }",
                        "any: [ { suffix: { subject: .jpg } }, { suffix: { subject: .png } } ]",
                        "not: { prefix: { subject: thumbnails/ } }",
                        "cesql: \"datacontenttype = 'application/json' AND NOT (subject LIKE 'thumbnails/%')\""));
        return java.util.Collections.unmodifiableMap(filters);
    }
}
