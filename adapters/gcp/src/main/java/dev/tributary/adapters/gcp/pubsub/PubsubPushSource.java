package dev.tributary.adapters.gcp.pubsub;

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
 * 401/403/503 from {@link GoogleOidcVerifier}; 405 for methods other than POST. Thread-safe;
 * {@link #accept} may block on a JWKS fetch.
 */
final class PubsubPushSource implements PushSource {

    static final int SUCCESS_STATUS = 204;

    private final PushDecoder decoder;
    private final Optional<GoogleOidcVerifier> verifier;

    /** @param verifier the token check, empty for {@code auth: none} */
    PubsubPushSource(PushDecoder decoder, Optional<GoogleOidcVerifier> verifier) {
        this.decoder = decoder;
        this.verifier = verifier;
    }

    @Override
    public PushDecision accept(PushRequest request) {
        if (!request.method().equals("POST")) {
            return PushDecision.Respond.error(405, "Pub/Sub pushes use POST");
        }
        Optional<PushDecision.Respond> refused =
                verifier.flatMap(check -> check.check(request.payload().header("Authorization")));
        if (refused.isPresent()) {
            return refused.get();
        }
        return PushDecision.decode(decoder, request.payload(), SUCCESS_STATUS);
    }
}
