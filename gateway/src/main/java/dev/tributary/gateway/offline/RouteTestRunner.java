package dev.tributary.gateway.offline;

import dev.tributary.core.decode.DecodeException;
import dev.tributary.core.decode.InboundPayload;
import dev.tributary.core.filter.EventAttributes;
import dev.tributary.core.trace.RouteTrace;
import dev.tributary.core.trace.RouteTrace.EventResult;
import dev.tributary.core.trace.RouteTrace.RouteResult;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs the cases of a {@link RouteTests} file: decode each payload, trace it, compare with what the case expects. */
public final class RouteTestRunner {

    private final SavedPayloads payloads;
    private final RouteTrace trace;

    public RouteTestRunner(SavedPayloads payloads, RouteTrace trace) {
        this.payloads = payloads;
        this.trace = trace;
    }

    /** The differences between what the case expects and what happens; empty when it passes. */
    public List<String> run(RouteTests.Case test) {
        List<CloudEvent> events;
        try {
            byte[] body = Files.readAllBytes(test.payload());
            events = payloads.decode(test.source(), new InboundPayload(test.headers(), body));
        } catch (IOException e) {
            return List.of("cannot read payload " + test.payload() + ": " + e.getMessage());
        } catch (DecodeException | IllegalArgumentException e) {
            return List.of("payload not decoded: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        if (events.size() != test.expect().size()) {
            problems.add("expected " + test.expect().size() + " event(s), decoded " + events.size());
            return problems;
        }
        List<EventResult> results = trace.trace(test.source(), events);
        for (int i = 0; i < results.size(); i++) {
            compare("event " + (i + 1), test.expect().get(i), results.get(i), problems);
        }
        return problems;
    }

    private static void compare(String where, RouteTests.Expected expected, EventResult actual, List<String> problems) {
        if (expected.routes() != null && !sameElements(expected.routes(), actual.matchedRoutes())) {
            problems.add(where + ": expected routes " + expected.routes() + ", matched " + actual.matchedRoutes());
        }
        attributes(where, expected.attributes(), actual.event(), problems);
        expected.transformed().forEach((routeName, attributes) -> {
            Optional<RouteResult> route = actual.routes().stream()
                    .filter(r -> r.route().equals(routeName))
                    .findFirst();
            String at = where + " on route '" + routeName + "'";
            if (route.isEmpty() || !route.get().matched()) {
                problems.add(at + ": the route does not match the event");
            } else if (route.get().transformFailure().isPresent()) {
                problems.add(at + ": transform failed: "
                        + route.get().transformFailure().get());
            } else {
                attributes(at, attributes, route.get().delivered().orElseThrow(), problems);
            }
        });
    }

    private static void attributes(
            String where, Map<String, String> expected, CloudEvent event, List<String> problems) {
        expected.forEach((name, value) -> {
            String actual = EventAttributes.get(event, name);
            if (!value.equals(actual)) {
                problems.add(where + ": " + name + " expected '" + value + "', was "
                        + (actual == null ? "absent" : "'" + actual + "'"));
            }
        });
    }

    private static boolean sameElements(List<String> a, List<String> b) {
        return a.size() == b.size() && a.containsAll(b) && b.containsAll(a);
    }
}
