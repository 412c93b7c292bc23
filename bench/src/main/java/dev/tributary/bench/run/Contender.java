package dev.tributary.bench.run;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One side of a side-by-side comparison: where load goes and which processes' CPU counts.
 *
 * @param name the name in tables ({@value #DIRECT} for the loopback baseline)
 * @param target where load is sent
 * @param processes role → pid of the processes on its path, the sink's included
 */
record Contender(String name, URI target, Map<String, Long> processes) {

    /** The load generator posting straight to the sink: the loopback limit. */
    static final String DIRECT = "direct to sink";
    /** The sink's role in CPU accounting. */
    static final String SINK = "sink";

    static Contender direct(SinkProcess sink) {
        return new Contender(DIRECT, sink.url(), Map.of(SINK, sink.pid()));
    }

    /** A server in front of the sink; its process is accounted under its own name. */
    static Contender through(Server server, SinkProcess sink) {
        Map<String, Long> processes = new LinkedHashMap<>();
        processes.put(server.name(), server.pid());
        processes.put(SINK, sink.pid());
        return new Contender(server.name(), server.target(), processes);
    }

    /** A file-name-safe form of the name. */
    String slug() {
        return slug(name);
    }

    /** A file-name-safe form of a name: {@code plain Camel} → {@code plain-camel}. */
    static String slug(String name) {
        return name.replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(java.util.Locale.ROOT);
    }
}
