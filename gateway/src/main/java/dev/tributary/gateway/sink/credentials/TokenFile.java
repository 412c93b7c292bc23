package dev.tributary.gateway.sink.credentials;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A bearer token read from a file ({@code type: token-file}), such as a Kubernetes projected
 * service-account token, which the kubelet rotates in place. The token is cached and re-read in the
 * background at most every {@link #REREAD}, so a rotation is picked up within that time and no
 * request waits on the file system (Caffeine's refresh-after-write serves the cached token while it
 * re-reads). A file that cannot be read keeps the last token; a first read that fails fails the
 * delivery attempt, naming the file, never its content.
 */
final class TokenFile implements Supplier<String> {

    /** How stale a token may be after the file changes: {@value}-ish; see {@link #REREAD}. */
    static final Duration REREAD = Duration.ofSeconds(1);

    private final Path path;
    private final LoadingCache<Path, String> cache;

    TokenFile(Path path) {
        this.path = path;
        this.cache = Caffeine.newBuilder().refreshAfterWrite(REREAD).build(TokenFile::read);
    }

    @Override
    public String get() {
        return cache.get(path);
    }

    private static String read(Path path) {
        try {
            String token = Files.readString(path, StandardCharsets.UTF_8).strip();
            if (token.isEmpty()) {
                throw new IllegalStateException("token file " + path + " is empty");
            }
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read token file " + path + ": " + e.getClass().getSimpleName(), e);
        }
    }
}
