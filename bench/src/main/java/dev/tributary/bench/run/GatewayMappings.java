package dev.tributary.bench.run;

import dev.tributary.bench.BenchEvent;
import java.net.URI;

/**
 * The gateway's mapping files for each scenario: one source, one HTTP sink in binary mode, one
 * route with one prefix filter on {@code type} that every bench event passes.
 */
final class GatewayMappings {

    /** The push source of scenarios 1 and 5. */
    static final String PUSH_SOURCE = "bench";
    /** The Event Grid source of scenario 2. */
    static final String EVENT_GRID_SOURCE = "grid";

    private GatewayMappings() {}

    /** Scenario 1: CloudEvents binary in, binary out. */
    static String push(URI sink) {
        return mapping(PUSH_SOURCE + ": { type: cloudevents, auth: none }", sink, BenchEvent.TYPE_PREFIX);
    }

    /** Scenario 2: Event Grid deliveries, unauthenticated (the benchmark measures decoding, not auth). */
    static String eventGrid(URI sink) {
        return mapping(EVENT_GRID_SOURCE + ": { type: azure-eventgrid, auth: none }", sink, "Microsoft.Storage.");
    }

    /** Scenario 3: S3 notifications from an SQS queue of a local emulator. */
    static String sqs(URI sink, URI endpoint, String queueUrl, String region, int concurrency) {
        String source = "uploads: { type: aws-sqs, queueUrl: '" + queueUrl + "', endpoint: '" + endpoint + "', region: "
                + region + ", concurrency: " + concurrency + ", waitTimeSeconds: 1 }";
        return mapping(source, sink, "com.amazonaws.s3.");
    }

    private static String mapping(String source, URI sink, String typePrefix) {
        String sourceName = source.substring(0, source.indexOf(':'));
        return "apiVersion: tributary.dev/v1\n"
                + "sources:\n"
                + "  " + source + "\n"
                + "sinks:\n"
                + "  sink: { type: http, url: '" + sink + "' }\n"
                + "routes:\n"
                + "  - name: bench\n"
                + "    from: [" + sourceName + "]\n"
                + "    filters:\n"
                + "      - prefix: { type: '" + typePrefix + "' }\n"
                + "    to: [sink]\n";
    }
}
