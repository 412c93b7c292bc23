package dev.tributary.bench.run;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The counting sink ({@code bench.jar sink}) in its own process, and its count. */
final class SinkProcess {

    private final Processes.Running running;
    private final URI url;

    private SinkProcess(Processes.Running running, URI url) {
        this.running = running;
        this.url = url;
    }

    static SinkProcess start(RunContext context) throws IOException, InterruptedException {
        int port = Probe.freePort();
        List<String> arguments = new ArrayList<>(context.settings().benchCommand("sink"));
        arguments.addAll(List.of("--port", Integer.toString(port)));
        Processes.Running running = context.processes().java("sink", RunSettings.HELPER_JVM, arguments, Map.of());
        Probe.awaitReadyLine(running, Duration.ofSeconds(30));
        return new SinkProcess(running, URI.create("http://127.0.0.1:" + port + "/"));
    }

    /** Where events are posted. */
    URI url() {
        return url;
    }

    long pid() {
        return running.pid();
    }

    /** Events received so far. */
    long count() throws IOException, InterruptedException {
        return Long.parseLong(Probe.get(url.resolve("/count")).trim());
    }

    void stop(RunContext context) throws InterruptedException {
        context.processes().stop(running);
    }
}
