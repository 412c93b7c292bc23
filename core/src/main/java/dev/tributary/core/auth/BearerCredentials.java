package dev.tributary.core.auth;

import dev.tributary.core.source.PushRequest;
import java.util.Optional;

/** Reads the credentials of {@code Authorization: Bearer VALUE} (scheme case-insensitive, RFC 6750). */
final class BearerCredentials {

    private static final String SCHEME = "Bearer ";

    private BearerCredentials() {}

    /** The bearer value, trimmed; empty when the header is absent, of another scheme, or blank. */
    static Optional<String> token(PushRequest request) {
        String authorization = request.payload().header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(SCHEME.length()).trim()).filter(token -> !token.isEmpty());
    }
}
