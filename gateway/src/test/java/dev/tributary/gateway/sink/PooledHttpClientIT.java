package dev.tributary.gateway.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sinks' HTTP client against real loopback servers (the JDK's HttpServer and HttpsServer). */
class PooledHttpClientIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();
    private EventLoopGroup loops;
    private PooledHttpClient client;
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        client = new PooledHttpClient(
                loops, NioSocketChannel.class, Duration.ofSeconds(2), Duration.ofMillis(300), 1024 * 1024);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    /** {@code /echo} answers 201 with the request body; {@code /slow} after a second; {@code /close} closes. */
    private void answer(HttpExchange exchange) throws IOException {
        clientPorts.add(exchange.getRemoteAddress().getPort());
        byte[] request = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().toString();
        if (path.startsWith("/slow")) {
            sleep(1000);
        }
        if (path.startsWith("/close")) {
            exchange.getResponseHeaders().add("Connection", "close");
        }
        exchange.getResponseHeaders().add("X-Path", path);
        exchange.sendResponseHeaders(201, request.length == 0 ? -1 : request.length);
        exchange.getResponseBody().write(request);
        exchange.close();
    }

    @Test
    void anAnswerArrivesWithItsStatusHeadersAndBody() throws Exception {
        PooledHttpClient.Response response = client.send(url("/echo?x=1"), post("/echo?x=1", "hello"), TIMEOUT)
                .get();

        assertEquals(201, response.status());
        assertEquals("/echo?x=1", response.headers().get("x-path"));
        assertEquals("hello", new String(response.body(), StandardCharsets.UTF_8));
    }

    @Test
    void keepAliveConnectionsAreReused() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    201,
                    client.send(url("/echo"), post("/echo", "n" + i), TIMEOUT)
                            .get()
                            .status());
        }
        assertEquals(3, clientPorts.size());
        assertEquals(1, clientPorts.stream().distinct().count(), "one connection for three requests: " + clientPorts);
    }

    @Test
    void idleConnectionsAreClosed() throws Exception {
        assertEquals(
                201,
                client.send(url("/echo"), post("/echo", "a"), TIMEOUT).get().status());
        sleep(900);
        assertEquals(
                201,
                client.send(url("/echo"), post("/echo", "b"), TIMEOUT).get().status());
        assertEquals(2, clientPorts.stream().distinct().count(), "a new connection after the idle timeout");
    }

    @Test
    void aRequestOutlastingTheIdleTimeoutKeepsItsConnection() throws Exception {
        PooledHttpClient.Response slow =
                client.send(url("/slow"), post("/slow", "patient"), TIMEOUT).get();
        assertEquals("patient", new String(slow.body(), StandardCharsets.UTF_8));
    }

    @Test
    void anAnswerMarkedConnectionCloseEndsItsConnection() throws Exception {
        assertEquals(
                201,
                client.send(url("/close"), post("/close", "a"), TIMEOUT).get().status());
        assertEquals(
                201,
                client.send(url("/echo"), post("/echo", "b"), TIMEOUT).get().status());
        assertEquals(2, clientPorts.stream().distinct().count(), "a new connection after 'Connection: close'");
    }

    @Test
    void aLateAnswerTimesOutAndIsNotTakenForTheNextRequests() throws Exception {
        ExecutionException late = assertThrows(
                ExecutionException.class,
                () -> client.send(url("/slow"), post("/slow", "first"), Duration.ofMillis(200))
                        .get());
        assertInstanceOf(TimeoutException.class, late.getCause());

        PooledHttpClient.Response next =
                client.send(url("/echo"), post("/echo", "second"), TIMEOUT).get();
        assertEquals("second", new String(next.body(), StandardCharsets.UTF_8));
        sleep(1200);
        PooledHttpClient.Response after =
                client.send(url("/echo"), post("/echo", "third"), TIMEOUT).get();
        assertEquals("third", new String(after.body(), StandardCharsets.UTF_8));
    }

    @Test
    void aRefusedConnectionFails() throws Exception {
        int port;
        try (ServerSocket unused = new ServerSocket(0)) {
            port = unused.getLocalPort();
        }
        URI nobody = URI.create("http://127.0.0.1:" + port + "/");
        ExecutionException refused = assertThrows(
                ExecutionException.class,
                () -> client.send(nobody, post("/", "x"), TIMEOUT).get());
        assertTrue(refused.getCause() instanceof java.net.ConnectException, String.valueOf(refused.getCause()));
    }

    @Test
    void theTimeoutCoversConnecting() throws Exception {
        // a listening socket that never accepts, its backlog filled: further connects hang
        List<java.net.Socket> fillers = new java.util.ArrayList<>();
        try (ServerSocket stalled = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            boolean full = false;
            for (int i = 0; i < 8 && !full; i++) {
                java.net.Socket filler = new java.net.Socket();
                fillers.add(filler);
                try {
                    filler.connect(stalled.getLocalSocketAddress(), 200);
                } catch (java.net.SocketTimeoutException e) {
                    full = true;
                }
            }
            assertTrue(full, "the backlog filled up, so connecting hangs");
            PooledHttpClient slowConnects = new PooledHttpClient(
                    loops, NioSocketChannel.class, Duration.ofSeconds(30), Duration.ofSeconds(30), 1024);
            URI url = URI.create("http://127.0.0.1:" + stalled.getLocalPort() + "/");
            long start = System.nanoTime();
            ExecutionException late = assertThrows(
                    ExecutionException.class,
                    () -> slowConnects
                            .send(url, post("/", "x"), Duration.ofMillis(300))
                            .get());
            assertInstanceOf(TimeoutException.class, late.getCause());
            assertTrue(System.nanoTime() - start < 5_000_000_000L, "failed at the timeout, not the connect timeout");
            slowConnects.close();
        } finally {
            for (java.net.Socket filler : fillers) {
                filler.close();
            }
        }
    }

    @Test
    void httpsServersAreVerified(@TempDir Path dir) throws Exception {
        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(selfSigned(dir)));
        https.createContext("/", this::answer);
        https.start();
        try {
            URI url = URI.create("https://127.0.0.1:" + https.getAddress().getPort() + "/echo");
            ExecutionException untrusted = assertThrows(
                    ExecutionException.class,
                    () -> client.send(url, post("/echo", "secret"), TIMEOUT).get());
            assertTrue(
                    hasCause(untrusted, SSLException.class), "a TLS failure, not plaintext: " + untrusted.getCause());
            assertTrue(clientPorts.isEmpty(), "nothing reached the handler");
        } finally {
            https.stop(0);
        }
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private FullHttpRequest post(String target, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        FullHttpRequest request = new DefaultFullHttpRequest(
                HttpVersion.HTTP_1_1, HttpMethod.POST, target, Unpooled.wrappedBuffer(bytes));
        request.headers().set(HttpHeaderNames.HOST, "127.0.0.1").setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        return request;
    }

    /** A server certificate the JDK does not trust, made with the JDK's keytool. */
    private static SSLContext selfSigned(Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "server",
                        "-keyalg",
                        "EC",
                        "-dname",
                        "CN=127.0.0.1",
                        "-validity",
                        "1",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        "changeit")
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, keytool.waitFor(), output);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
