package dev.tributary.adapters.aws.sns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedHttpGetIT {

    @Test
    void returnsTheBodyOfA2xx() throws IOException {
        byte[] body = "-----BEGIN CERTIFICATE-----".getBytes(StandardCharsets.US_ASCII);
        try (LocalServer server = new LocalServer(200, null, body)) {
            assertArrayEquals(body, new BoundedHttpGet(1024).get(server.url("/cert.pem")));
        }
    }

    @Test
    void neverFollowsRedirects() throws IOException {
        try (LocalServer target = new LocalServer(200, null, "moved".getBytes(StandardCharsets.US_ASCII));
                LocalServer redirecting =
                        new LocalServer(302, target.url("/elsewhere.pem").toString(), new byte[0])) {
            IOException error =
                    assertThrows(IOException.class, () -> new BoundedHttpGet(1024).get(redirecting.url("/cert.pem")));
            assertTrue(error.getMessage().contains("answered 302"), error.getMessage());
            assertEquals(List.of(), target.requests);
        }
    }

    @Test
    void refusesBodiesOverTheLimit() throws IOException {
        try (LocalServer server = new LocalServer(200, null, new byte[2049])) {
            IOException error =
                    assertThrows(IOException.class, () -> new BoundedHttpGet(2048).get(server.url("/big.pem")));
            assertTrue(error.getMessage().contains("more than 2048 bytes"), error.getMessage());
        }
    }

    @Test
    void errorsNeverQuoteTheQueryWhichMayHoldAToken() throws IOException {
        try (LocalServer server = new LocalServer(500, null, new byte[0])) {
            IOException error = assertThrows(
                    IOException.class,
                    () -> new BoundedHttpGet(1024).get(server.url("/?Action=ConfirmSubscription&Token=secret-token")));
            assertFalse(error.getMessage().contains("secret-token"), error.getMessage());
        }
    }
}
