package dev.tributary.core.source;

/**
 * The protocol side of a push source ({@code POST /sources/{name}}): authenticates, answers
 * handshakes and decodes. Delivery and the final answer are the gateway's job.
 *
 * <p>Implementations are thread-safe and do no blocking I/O in {@link #accept} beyond what their
 * Javadoc states (for example a cached key fetch).
 */
public interface PushSource extends Source {

    /** Decides what to do with one request. Never throws for bad input: it answers 4xx instead. */
    PushDecision accept(PushRequest request);
}
