package dev.tributary.adapters.azure.auth;

import dev.tributary.core.source.PushDecision;
import dev.tributary.core.source.PushRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Checks the shared secret that Event Grid sends in a query parameter of the webhook URL
 * ({@code ?code=SECRET} unless configured otherwise): 401 when the parameter is absent, 403 when
 * it does not match. The comparison is constant-time: both values are hashed with SHA-256 and the
 * digests compared with {@link MessageDigest#isEqual}, so neither content nor length leaks through
 * timing. Immutable and thread-safe.
 */
public final class SharedSecretAuthenticator implements RequestAuthenticator {

    /** The query parameter Event Grid users conventionally put the secret in: {@value}. */
    public static final String DEFAULT_PARAMETER = "code";

    private final String parameter;
    private final byte[] secretDigest;

    /**
     * @param parameter the query parameter that carries the secret
     * @param secret the expected value, not empty
     */
    public SharedSecretAuthenticator(String parameter, String secret) {
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("the shared secret is empty");
        }
        this.parameter = parameter;
        this.secretDigest = sha256(secret);
    }

    @Override
    public Optional<PushDecision.Respond> refusal(PushRequest request) {
        String presented = request.queryParameter(parameter);
        if (presented == null) {
            return Optional.of(PushDecision.Respond.error(401,
                    "missing query parameter '" + parameter + "' carrying the source's secret"));
        }
        if (!MessageDigest.isEqual(sha256(presented), secretDigest)) {
            return Optional.of(PushDecision.Respond.error(403,
                    "query parameter '" + parameter + "' does not match the source's secret"));
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
