package dev.tributary.gateway.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tributary.gateway.testing.GatewayExtension;
import dev.tributary.gateway.testing.GatewayUnderTest;
import dev.tributary.gateway.testing.RawHttp;
import dev.tributary.gateway.testing.RawHttp.Answer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Replays the hostile-input corpus ({@code src/test/resources/hostile/*.http}, see its README) and
 * a few generated requests too large to store against every push endpoint: each gets a 4xx (or,
 * for bytes that are not HTTP, a closed connection) within seconds, never a 5xx or a hang, and no
 * class name in the body. Afterwards the gateway still delivers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {

    @RegisterExtension
    static final GatewayExtension GATEWAY =
            new GatewayExtension(HttpHardeningIT.MAPPINGS, Map.of("tributary.http.header-timeout", "1s"));

    private static final List<String> INTERNALS = List.of(
            "io.cloudevents",
            "com.fasterxml",
            "dev.tributary",
            "io.netty",
            "io.micronaut",
            "`",
            "Exception",
            "java.",
            "SECRET");

    private final GatewayUnderTest gateway = GATEWAY.gateway();

    @TestFactory
    @Order(1)
    Stream<DynamicTest> everyStoredHostileRequestIsRefusedCleanly() throws IOException, URISyntaxException {
        Path corpus = Path.of(HostileInputIT.class.getResource("/hostile").toURI());
        List<Path> files;
        try (Stream<Path> listing = Files.list(corpus)) {
            files = listing.filter(file -> file.toString().endsWith(".http"))
                    .sorted()
                    .toList();
        }
        assertTrue(files.size() >= 50, "the corpus is there: " + files.size());
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(
                        file.getFileName().toString(),
                        () -> assertRefused(
                                file.getFileName().toString(),
                                RawHttp.firstAnswer(gateway.port(), Files.readAllBytes(file), 5000))));
    }

    @TestFactory
    @Order(2)
    Stream<DynamicTest> generatedHostileRequestsAreRefusedCleanly() {
        byte[] big = new byte[5 * 1024 * 1024];
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest(
                "oversized body with Content-Length",
                () -> assertRefused(
                        "oversized",
                        RawHttp.firstAnswer(
                                gateway.port(),
                                RawHttp.request(
                                        "POST /sources/ce HTTP/1.1\nHost: x\n"
                                                + "Content-Type: application/cloudevents+json\nContent-Length: "
                                                + big.length + "\n",
                                        big),
                                5000))));
        tests.add(DynamicTest.dynamicTest("oversized chunked body", () -> {
            StringBuilder chunks = new StringBuilder();
            String chunk = "a".repeat(65536);
            for (int i = 0; i < 80; i++) {
                chunks.append("10000\r\n").append(chunk).append("\r\n");
            }
            chunks.append("0\r\n\r\n");
            assertRefused(
                    "oversized chunked",
                    RawHttp.firstAnswer(
                            gateway.port(),
                            RawHttp.request(
                                    "POST /sources/ce HTTP/1.1\nHost: x\nContent-Type: application/cloudevents+json\nTransfer-Encoding: chunked\n",
                                    chunks.toString().getBytes(StandardCharsets.ISO_8859_1)),
                            5000));
        }));
        tests.add(DynamicTest.dynamicTest("many headers", () -> {
            StringBuilder head = new StringBuilder("POST /sources/ce HTTP/1.1\nHost: x\n");
            for (int i = 0; i < 2000; i++) {
                head.append("x-h").append(i).append(": v\n");
            }
            assertRefused(
                    "many headers",
                    RawHttp.firstAnswer(
                            gateway.port(), RawHttp.request(head + "Content-Length: 0\n", new byte[0]), 5000));
        }));
        tests.add(DynamicTest.dynamicTest(
                "huge header",
                () -> assertRefused(
                        "huge header",
                        RawHttp.firstAnswer(
                                gateway.port(),
                                RawHttp.request(
                                        "POST /sources/ce HTTP/1.1\nHost: x\nce-subject: " + "a".repeat(64 * 1024)
                                                + "\nContent-Length: 0\n",
                                        new byte[0]),
                                5000))));
        tests.add(DynamicTest.dynamicTest(
                "huge request line",
                () -> assertRefused(
                        "huge request line",
                        RawHttp.firstAnswer(
                                gateway.port(),
                                RawHttp.request(
                                        "POST /sources/ce?" + "q".repeat(64 * 1024)
                                                + " HTTP/1.1\nHost: x\nContent-Length: 0\n",
                                        new byte[0]),
                                5000))));
        return tests.stream();
    }

    @Test
    @Order(3)
    void afterwardsTheGatewayStillDelivers() throws Exception {
        assertEquals(
                202,
                gateway.pushEvent("ce", "after-hostile", "dev.tributary.test", "{}")
                        .statusCode());
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"after-hostile".equals(GATEWAY.sink().next("/out", 10).header("ce-id"))) {
            assertTrue(System.nanoTime() < deadline, "the event after the corpus arrived");
        }
    }

    private static void assertRefused(String name, Answer answer) {
        String shown = answer.text().substring(0, Math.min(400, answer.text().length()));
        if (answer.text().isEmpty()) {
            assertTrue(answer.closed(), name + ": neither answered nor closed (a hang)");
            return;
        }
        assertTrue(answer.status() >= 400 && answer.status() < 500, name + ": " + shown);
        for (String internal : INTERNALS) {
            assertFalse(answer.body().contains(internal), name + ": '" + internal + "' in " + shown);
        }
    }
}
