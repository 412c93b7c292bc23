package dev.tributary.gateway.sink;

import java.nio.file.Path;

/**
 * The Knative source contract's {@code K_SINK}: where a SinkBinding tells the gateway to send, and
 * where a SinkBinding with OIDC enabled mounts the token for that sink's audience (Knative's sender
 * identity: a Secret with key {@code token} projected at {@code /oidc}, renewed before it expires).
 *
 * @param url the address, or empty when the gateway runs under no SinkBinding
 * @param oidcToken where the SinkBinding's OIDC token would be; a sink sends it when it is readable
 */
public record KnativeSinkBinding(String url, Path oidcToken) {

    /** Where SinkBinding mounts the token: {@value}. */
    public static final String OIDC_TOKEN = "/oidc/token";

    /** A binding whose OIDC token, if any, is where SinkBinding mounts it. */
    public KnativeSinkBinding(String url) {
        this(url, Path.of(OIDC_TOKEN));
    }
}
