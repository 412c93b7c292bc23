package dev.tributary.adapters.gcp.pubsub;

import dev.tributary.core.auth.RequestAuthenticator;
import dev.tributary.core.source.PushDecision;
import dev.tributary.core.source.PushRequest;
import dev.tributary.core.source.PushSource;
import java.util.Optional;

/**
 * Source type {@code gcp-pubsub-push}: Pub/Sub push deliveries on {@code POST /sources/{name}}.
 *
 * <p>Authenticates the request first (unless configured with {@code auth: none}), then decodes it;
 * a refused or undecodable request is never routed. Answers 204 once the events are delivered or
 * dead-lettered (the gateway answers 5xx or 429 otherwise, and Pub/Sub redelivers under the
 * subscription's retry and dead-letter policies); 400 (415 for an unsupported format) for a request
 * that can never be decoded, which Pub/Sub also retries until its dead-letter policy takes it;
 * 401/403/503 from the {@link RequestAuthenticator}; 405 for methods other than POST. Thread-safe;
 * {@link #accept} may block on a JWKS fetch.
 */
final class PubsubPushSource implements PushSource {

    static final int SUCCESS_STATUS = 204;

    private final PushDecoder decoder;
    private final RequestAuthenticator authenticator;

    /** @param authenticator the check every push must pass ({@link RequestAuthenticator#NONE} for {@code auth: none}) */
    PubsubPushSource(PushDecoder decoder, RequestAuthenticator authenticator) {
        this.decoder = decoder;
        this.authenticator = authenticator;
    }

    @Override
    public PushDecision accept(PushRequest request) {
        if (!request.method().equals("POST")) {
            return PushDecision.Respond.error(405, "Pub/Sub pushes use POST");
        }
        Optional<PushDecision.Respond> refused = authenticator.refusal(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        return PushDecision.decode(decoder, request.payload(), SUCCESS_STATUS);
    }
}
