package dev.tributary.bench.run;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs wrk (the Debian package, closed loop: each connection sends its next request when the last
 * is answered) for saturation throughput, and reads its summary. wrk runs under a {@code bash}
 * wrapper that, once wrk has exited, prints its own {@code /proc/self/stat}: the wrapper's
 * cutime + cstime are then exactly wrk's CPU time.
 */
final class Wrk {

    /**
     * @param requestsPerSecond wrk's own rate (all answers, whatever their status)
     * @param non2xx answers that were not 2xx or 3xx
     * @param socketErrors connect, read, write and timeout errors
     * @param cpu wrk's CPU time
     */
    record Result(double requestsPerSecond, long non2xx, long socketErrors, Duration cpu) {}

    static final String STAT_MARKER = "WRAPPER_STAT ";

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private final Processes processes;
    private final int threads;

    Wrk(Processes processes, int threads) {
        this.processes = processes;
        this.threads = threads;
    }

    Result run(String name, Path script, URI url, int connections, Duration duration)
            throws IOException, InterruptedException {
        List<String> command = List.of(
                "bash",
                "-c",
                "wrk \"$@\"; status=$?; read -r stat < /proc/$$/stat; echo \"" + STAT_MARKER + "$stat\"; exit $status",
                "wrk",
                "-t" + threads,
                "-c" + connections,
                "-d" + Math.max(1, duration.toSeconds()) + "s",
                "--timeout",
                "10s",
                "-s",
                script.toString(),
                url.toString());
        return parse(processes.runToEnd(name, command, duration.plusSeconds(30), false));
    }

    /** @throws IllegalStateException when the output has no summary (wrk failed) */
    static Result parse(String output) {
        Matcher rate = RATE.matcher(output);
        int marker = output.lastIndexOf(STAT_MARKER);
        if (!rate.find() || marker < 0) {
            throw new IllegalStateException("wrk printed no summary:\n" + output);
        }
        Matcher non2xx = NON_2XX.matcher(output);
        Matcher socket = SOCKET_ERRORS.matcher(output);
        long socketErrors = 0;
        if (socket.find()) {
            for (int group = 1; group <= 4; group++) {
                socketErrors += Long.parseLong(socket.group(group));
            }
        }
        String stat = output.substring(marker + STAT_MARKER.length())
                .lines()
                .findFirst()
                .orElse("");
        return new Result(
                Double.parseDouble(rate.group(1)),
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0,
                socketErrors,
                ProcStat.waitedChildrenCpu(stat));
    }
}
