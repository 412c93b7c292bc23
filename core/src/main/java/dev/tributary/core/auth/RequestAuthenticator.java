package dev.tributary.core.auth;

import dev.tributary.core.source.PushDecision;
import dev.tributary.core.source.PushRequest;
import java.util.List;
import java.util.Optional;

/**
 * One authentication check on a push request. Implementations are thread-safe and never log
 * secrets or tokens; their refusals name what is wrong without echoing credentials.
 */
public interface RequestAuthenticator {

    /** Lets every request through: {@code auth: none}. */
    RequestAuthenticator NONE = request -> Optional.empty();

    /**
     * Checks a request.
     *
     * @return empty when the request passes; otherwise the answer that refuses it (401 when
     *     credentials are missing or invalid, 403 when valid but not for this source, 503 when they
     *     cannot be checked right now)
     */
    Optional<PushDecision.Respond> refusal(PushRequest request);

    /** A check that passes when every one of {@code checks} passes, refused by the first that refuses. */
    static RequestAuthenticator allOf(List<RequestAuthenticator> checks) {
        List<RequestAuthenticator> copy = List.copyOf(checks);
        return request -> copy.stream()
                .map(check -> check.refusal(request))
                .flatMap(Optional::stream)
                .findFirst();
    }
}
