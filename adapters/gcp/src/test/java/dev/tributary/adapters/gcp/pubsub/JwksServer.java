package dev.tributary.adapters.gcp.pubsub;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A JWKS endpoint on 127.0.0.1 serving the public halves of test keys, counting its fetches. */
final class JwksServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicReference<JWKSet> keys = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();

    JwksServer(RSAKey... signingKeys) throws IOException {
        publish(signingKeys);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/certs", exchange -> {
            fetches.incrementAndGet();
            byte[] body = keys.get().toString(true).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** Replaces the served keys (a key rotation). */
    void publish(RSAKey... signingKeys) {
        keys.set(new JWKSet(List.<com.nimbusds.jose.jwk.JWK>of(signingKeys)).toPublicJWKSet());
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/certs";
    }

    int fetches() {
        return fetches.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
