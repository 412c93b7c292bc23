package dev.tributary.core.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A JWKS endpoint on 127.0.0.1 serving the public halves of test keys, counting its fetches; and
 * the signing of test tokens with those keys. Shared with the adapters' and gateway's tests.
 */
public final class JwksServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicReference<byte[]> body = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();

    public JwksServer(RSAKey... keys) {
        publish(keys);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/keys", exchange -> {
            fetches.incrementAndGet();
            byte[] keySet = body.get();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keySet.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(keySet);
            }
        });
        server.start();
    }

    /** Replaces the served keys (a key rotation). */
    public void publish(RSAKey... keys) {
        body.set(new JWKSet(
                        Arrays.stream(keys).map(key -> (JWK) key.toPublicJWK()).toList())
                .toString()
                .getBytes(StandardCharsets.UTF_8));
    }

    public URL url() {
        try {
            return new URL("http://127.0.0.1:" + server.getAddress().getPort() + "/keys");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int fetches() {
        return fetches.get();
    }

    /** An RS256 JWT of these claims signed by the key, naming its key id. */
    public static String sign(RSAKey key, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
