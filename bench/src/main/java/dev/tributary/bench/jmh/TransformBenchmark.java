package dev.tributary.bench.jmh;

import dev.tributary.core.transform.JsonataTransform;
import dev.tributary.core.transform.TransformException;
import io.cloudevents.CloudEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Scenario 4, transform cost: a route's {@code transform: {jsonata: ...}} applied to the bench
 * event ({@link RouteFilters#event()}) per operation, compiled by core's loader from mapping YAML;
 * {@code identity} ({@code $}) is the cost of the event's JSON round trip alone, {@code merge} the
 * issue's example (new type, smaller data), {@code knative} Knative's documented object form.
 */
public class TransformBenchmark extends BenchmarkDefaults {

    /** Transform name → the JSONata expression. */
    static final Map<String, String> TRANSFORMS = transforms();

    @Param({"identity", "merge", "knative"})
    public String transform;

    private JsonataTransform compiled;
    private CloudEvent event;

    @Setup
    public void compile() throws TransformException {
        compiled = compile(transform);
        event = RouteFilters.event();
        compiled.apply(event);
    }

    @Benchmark
    public CloudEvent apply() throws TransformException {
        return compiled.apply(event);
    }

    /** Compiles a named transform as the transform of a one-route mapping. */
    static JsonataTransform compile(String name) {
        String expression = TRANSFORMS.get(name);
        if (expression == null) {
            throw new IllegalArgumentException("unknown transform '" + name + "', known: " + TRANSFORMS.keySet());
        }
        String fields = "    transform:\n      jsonata: '" + expression.replace("'", "''") + "'\n";
        return RouteFilters.route("transform " + name, fields).transform().orElseThrow();
    }

    /** Every transform name. */
    public static List<String> names() {
        return List.copyOf(TRANSFORMS.keySet());
    }

    private static Map<String, String> transforms() {
        Map<String, String> transforms = new LinkedHashMap<>();
        transforms.put("identity", "$");
        transforms.put(
                "merge",
                "$merge([$, {\"type\": \"com.example.image.uploaded\", \"data\": {\"size\": data.s3.object.size}}])");
        transforms.put(
                "knative",
                "{\"specversion\": \"1.0\", \"id\": id, \"type\": \"transformed.type\", \"source\": \"transform.simple\","
                        + " \"time\": time, \"size\": data.s3.object.size, \"data\": data}");
        return java.util.Collections.unmodifiableMap(transforms);
    }
}
