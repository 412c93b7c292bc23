package dev.tributary.core.auth;

import dev.tributary.core.source.PushDecision;
import dev.tributary.core.source.PushRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a shared secret, sent as {@code Authorization: Bearer SECRET} or, when a query parameter
 * is configured (for senders that can only put it in the URL, such as Event Grid's {@code ?code=}),
 * as that parameter; the parameter wins when both are present, and is the only place read when the
 * {@code Authorization} header carries a bearer token checked on its own. 401 with {@code
 * WWW-Authenticate: Bearer} when it is not sent, 403 when the value does not match.
 *
 * <p>The comparison is constant-time: both values are hashed with SHA-256 and the digests compared
 * with {@link MessageDigest#isEqual}, so neither content nor length leaks through timing. The
 * secret is never logged or echoed. Immutable and thread-safe.
 */
public final class SharedSecretAuthenticator implements RequestAuthenticator {

    /** The query parameter Event Grid users conventionally put the secret in: {@value}. */
    public static final String EVENT_GRID_PARAMETER = "code";

    private final Optional<String> parameter;
    private final boolean authorizationHeader;
    private final byte[] secretDigest;

    /**
     * @param parameter the query parameter that may carry the secret, if any
     * @param secret the expected value, not empty
     * @param authorizationHeader whether the secret may come as {@code Authorization: Bearer} (not
     *     when that header carries a token checked separately)
     * @throws IllegalArgumentException when the secret is empty or could come from nowhere
     */
    public SharedSecretAuthenticator(Optional<String> parameter, String secret, boolean authorizationHeader) {
        if (secret.isEmpty() || parameter.isEmpty() && !authorizationHeader) {
            throw new IllegalArgumentException("the shared secret is empty or has nowhere to come from");
        }
        this.parameter = parameter;
        this.authorizationHeader = authorizationHeader;
        this.secretDigest = sha256(secret);
    }

    @Override
    public Optional<PushDecision.Respond> refusal(PushRequest request) {
        String presented = parameter.map(request::queryParameter).orElse(null);
        if (presented == null && authorizationHeader) {
            presented = BearerCredentials.token(request).orElse(null);
        }
        if (presented == null) {
            String where = (authorizationHeader ? "Authorization: Bearer SECRET" : "")
                    + (authorizationHeader && parameter.isPresent() ? " or " : "")
                    + parameter.map(name -> "query parameter '" + name + "'").orElse("");
            return Optional.of(new PushDecision.Respond(
                    401,
                    Map.of("Content-Type", "text/plain; charset=utf-8", "WWW-Authenticate", "Bearer"),
                    "missing the source's secret: send " + where));
        }
        if (!MessageDigest.isEqual(sha256(presented), secretDigest)) {
            return Optional.of(PushDecision.Respond.error(403, "the secret sent does not match the source's secret"));
        }
        return Optional.empty();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
