package dev.tributary.gateway.testing;

import dev.tributary.adapters.gcp.pubsub.EmulatorTopics;
import dev.tributary.adapters.gcp.pubsub.PubsubEmulator;
import java.nio.file.Path;

/**
 * The Cloud SDK's Pub/Sub emulator (a child process, {@link PubsubEmulator}) with the test's side
 * of it ({@link #topics()}) in project {@value #PROJECT}, and the mappings text of a
 * {@code gcp-pubsub} source on it; the Pub/Sub counterpart of {@link ElasticMqQueues}. Start one
 * per test class or test: the emulator takes seconds to start. {@link #close()} stops both.
 */
public final class EmulatedPubsub implements AutoCloseable {

    public static final String PROJECT = "tributary-gateway";

    private final PubsubEmulator emulator;
    private final EmulatorTopics topics;

    /** Starts the emulator, its output in {@code log}, and returns once it listens. */
    public EmulatedPubsub(Path log) throws Exception {
        emulator = PubsubEmulator.start(log);
        try {
            topics = new EmulatorTopics(emulator, PROJECT);
        } catch (Exception | Error e) {
            emulator.close();
            throw e;
        }
    }

    public EmulatorTopics topics() {
        return topics;
    }

    /** The emulator's {@code host:port}, the source's {@code endpoint}. */
    public String endpoint() {
        return emulator.endpoint();
    }

    /**
     * The mappings text of a {@code gcp-pubsub} source named {@code name} on {@code subscription},
     * with the given flow control and {@code ackDeadlineSeconds} (the lease a replica takes, so
     * what a stopped stream held comes back within it).
     */
    public String source(String name, String subscription, int maxOutstandingMessages, int ackDeadlineSeconds) {
        return """
                  %s:
                    type: gcp-pubsub
                    subscription: %s
                    endpoint: %s
                    maxOutstandingMessages: %d
                    ackDeadlineSeconds: %d
                """.formatted(name, subscription, endpoint(), maxOutstandingMessages, ackDeadlineSeconds);
    }

    @Override
    public void close() throws InterruptedException {
        try {
            topics.close();
        } finally {
            emulator.close();
        }
    }
}
