package dev.tributary.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** What the results file says about the machine and the software measured. */
final class MachineFacts {

    private MachineFacts() {}

    static List<String> collect(RunSettings settings) {
        List<String> facts = new ArrayList<>();
        facts.add("CPU: " + procLine("/proc/cpuinfo", "model name").orElse("unknown") + "; "
                + Runtime.getRuntime().availableProcessors() + " cores visible (nproc), shared by every process below");
        facts.add("memory: "
                + procLine("/proc/meminfo", "MemTotal")
                        .map(total ->
                                Fmt.mib(Long.parseLong(total.replace("kB", "").trim())) + " (MemTotal)")
                        .orElse("unknown"));
        facts.add("kernel: " + read("/proc/sys/kernel/osrelease").trim());
        facts.add("Java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ")");
        facts.add("wrk: " + firstLine(List.of("wrk", "--version")));
        facts.add("load average (1, 5, 15 min) at start: " + loadAverage());
        facts.add("commit: "
                + firstLine(List.of("git", "-C", settings.results().toString(), "rev-parse", "--short", "HEAD"))
                + (firstLine(List.of("git", "-C", settings.results().toString(), "status", "--porcelain"))
                                .isEmpty()
                        ? ""
                        : " (work tree has uncommitted changes)"));
        facts.add("contender JVM options (gateway and plain Camel): "
                + (settings.contenderJvmOptions().isEmpty()
                        ? "none (JVM defaults)"
                        : String.join(" ", settings.contenderJvmOptions()))
                + "; max heap "
                + maxHeap(settings.contenderJvmOptions()));
        facts.add("gateway class-data archive (AppCDS, recorded by the build, see gateway/pom.xml): "
                + settings.classArchive().map(Path::toString).orElse("none"));
        return facts;
    }

    /** The 1, 5 and 15 minute load averages now. */
    static String loadAverage() {
        String[] fields = read("/proc/loadavg").split(" ");
        return fields.length >= 3 ? fields[0] + ", " + fields[1] + ", " + fields[2] : "unknown";
    }

    private static String maxHeap(List<String> options) {
        List<String> command =
                new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(options);
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        return output(command)
                .lines()
                .filter(line -> line.contains(" MaxHeapSize "))
                .map(line -> line.replaceAll(".*=\\s*(\\d+).*", "$1"))
                .map(bytes -> Fmt.mib(Long.parseLong(bytes) / 1024))
                .findFirst()
                .orElse("unknown");
    }

    private static Optional<String> procLine(String file, String key) {
        return read(file)
                .lines()
                .filter(line -> line.startsWith(key))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst();
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String firstLine(List<String> command) {
        return output(command).lines().findFirst().orElse("").trim();
    }

    private static String output(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            process.waitFor(30, TimeUnit.SECONDS);
            return output;
        } catch (IOException e) {
            return "unavailable (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unavailable (interrupted)";
        }
    }
}
