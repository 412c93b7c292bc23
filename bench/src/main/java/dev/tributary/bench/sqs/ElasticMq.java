package dev.tributary.bench.sqs;

import java.net.URI;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * An embedded ElasticMQ (SQS-compatible) server on a loopback port, for the SQS drain scenario.
 * Queues live in memory; {@link #close()} stops the server and its actor system.
 */
public final class ElasticMq implements AutoCloseable {

    private final SQSRestServer server;
    private final int port;

    private ElasticMq(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts a server on {@code 127.0.0.1:port} (0 for any free port: then the queue URLs it answers
     * name its default address, not the port) and waits until it listens.
     */
    public static ElasticMq start(int port) {
        SQSRestServer server = (port == 0
                        ? SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort()
                        : SQSRestServerBuilder.withInterface("127.0.0.1")
                                .withPort(port)
                                .withServerAddress(new NodeAddress("http", "127.0.0.1", port, "")))
                .start();
        int bound = server.waitUntilStarted().localAddress().getPort();
        return new ElasticMq(server, bound);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
