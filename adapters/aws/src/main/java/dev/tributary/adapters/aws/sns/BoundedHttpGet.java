package dev.tributary.adapters.aws.sns;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@link HttpGet} on the JDK client: never follows redirects (a 3xx is a failure), gives up after
 * {@value #TIMEOUT_SECONDS} s and refuses bodies over {@code maxBytes}. Errors name the URL without
 * its query, which may carry a subscription token. Thread-safe.
 */
public final class BoundedHttpGet implements HttpGet {

    /** Large enough for a certificate or a ConfirmSubscription answer. */
    public static final int DEFAULT_MAX_BYTES = 64 * 1024;

    static final int TIMEOUT_SECONDS = 10;

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(TIMEOUT_SECONDS))
            .build();
    private final int maxBytes;

    public BoundedHttpGet(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public byte[] get(URI url) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(TIMEOUT_SECONDS))
                .GET()
                .build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("GET " + withoutQuery(url) + " interrupted");
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() / 100 != 2) {
                throw new IOException("GET " + withoutQuery(url) + " answered " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new IOException("GET " + withoutQuery(url) + " answered more than " + maxBytes + " bytes");
            }
            return bytes;
        }
    }

    static String withoutQuery(URI url) {
        return url.getScheme() + "://" + url.getRawAuthority() + (url.getRawPath() == null ? "" : url.getRawPath());
    }
}
