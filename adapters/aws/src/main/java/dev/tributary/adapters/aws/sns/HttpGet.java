package dev.tributary.adapters.aws.sns;

import java.io.IOException;
import java.net.URI;

/** An HTTP GET that returns the body of a 2xx answer. Implementations are thread-safe. */
@FunctionalInterface
public interface HttpGet {

    /** @throws IOException when the request fails or the answer is not a 2xx */
    byte[] get(URI url) throws IOException;
}
