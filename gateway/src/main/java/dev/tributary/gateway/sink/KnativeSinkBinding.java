package dev.tributary.gateway.sink;

/**
 * The Knative source contract's {@code K_SINK}: where a SinkBinding tells the gateway to send.
 *
 * @param url the address, or empty when the gateway runs under no SinkBinding
 */
public record KnativeSinkBinding(String url) {
}
