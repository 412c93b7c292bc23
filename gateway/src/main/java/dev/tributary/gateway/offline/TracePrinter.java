package dev.tributary.gateway.offline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tributary.core.format.EventJson;
import dev.tributary.core.trace.RouteTrace.EventResult;
import dev.tributary.core.trace.RouteTrace.RouteResult;
import io.cloudevents.CloudEvent;
import java.io.PrintWriter;
import java.util.List;

/** Prints what {@link dev.tributary.core.trace.RouteTrace} found, for people: events as indented JSON. */
public final class TracePrinter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintWriter out;

    public TracePrinter(PrintWriter out) {
        this.out = out;
    }

    public void print(List<EventResult> events) {
        for (int i = 0; i < events.size(); i++) {
            EventResult result = events.get(i);
            out.printf("event %d of %d:%n", i + 1, events.size());
            out.println(indent(json(result.event()), "  "));
            if (result.routes().isEmpty()) {
                out.println("  no route listens to this source");
            }
            for (RouteResult route : result.routes()) {
                print(route);
            }
        }
    }

    private void print(RouteResult route) {
        if (!route.matched()) {
            out.printf("  route '%s': rejected%n", route.route());
            route.rejections().forEach(rejection -> out.printf("    %s%n", rejection));
            return;
        }
        out.printf("  route '%s': matches%n", route.route());
        if (route.transformFailure().isPresent()) {
            out.printf("    transform failed: %s%n", route.transformFailure().get());
            out.printf(
                    "    would go to dead-letter sink: %s%n",
                    route.deadLetterSink().orElse("none (the route has no deadLetterSink: the delivery would fail)"));
            return;
        }
        CloudEvent delivered = route.delivered().orElseThrow();
        out.println("    delivers:");
        out.println(indent(json(delivered), "      "));
        out.printf("    to sinks: %s (not contacted)%n", String.join(", ", route.sinks()));
    }

    private static String json(CloudEvent event) {
        try {
            return JSON.writeValueAsString(EventJson.tree(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String indent(String text, String prefix) {
        return text.lines()
                .map(line -> prefix + line)
                .reduce((a, b) -> a + System.lineSeparator() + b)
                .orElse("");
    }
}
