package dev.tributary.bench.jmh;

import io.cloudevents.CloudEvent;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Scenario 4, decode cost: one provider payload to CloudEvents per operation, from the raw body
 * bytes (JSON parsing included). {@code cloudevents-binary} (core's binary-mode decode of the push
 * scenario's event) is the baseline the adapters' decodes are read against. Run with
 * {@code -prof gc} for bytes allocated per operation.
 */
public class DecodeBenchmark extends BenchmarkDefaults {

    @Param({"cloudevents-binary", "s3", "eventgrid", "pubsub-push"})
    public String input;

    private Decoders.Prepared prepared;

    @Setup
    public void prepare() {
        prepared = Decoders.prepare(input);
    }

    @Benchmark
    public List<CloudEvent> decode() {
        return prepared.decode().get();
    }
}
