package dev.tributary.adapters.azure.auth;

import dev.tributary.core.source.PushDecision;
import dev.tributary.core.source.PushRequest;
import java.util.Optional;

/**
 * One authentication check on a push request. Implementations are thread-safe and never log
 * secrets or tokens; their refusals name what is wrong without echoing credentials.
 */
public interface RequestAuthenticator {

    /**
     * Checks a request.
     *
     * @return empty when the request passes; otherwise the answer that refuses it (401 when
     *     credentials are missing or invalid, 403 when valid but not for this source, 503 when they
     *     cannot be checked right now)
     */
    Optional<PushDecision.Respond> refusal(PushRequest request);
}
