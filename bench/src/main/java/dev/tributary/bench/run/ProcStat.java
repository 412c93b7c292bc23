package dev.tributary.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time and resident memory of a Linux process, from {@code /proc/<pid>/stat} and
 * {@code /proc/<pid>/status}. CPU time is user + system over all threads, in clock ticks of
 * {@code 1 / CLK_TCK} s (from {@code getconf CLK_TCK}, 100 on Linux unless told otherwise).
 */
public final class ProcStat {

    private static final long TICK_NANOS = 1_000_000_000L / clockTicksPerSecond();

    private ProcStat() {}

    /** Total CPU time (user + system) of a live process. */
    public static Duration cpu(long pid) {
        return Duration.ofNanos(cpuTicks(read(Path.of("/proc", Long.toString(pid), "stat"))) * TICK_NANOS);
    }

    /** The CPU time of each process of a map of role → pid. */
    public static Map<String, Duration> cpu(Map<String, Long> processes) {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        processes.forEach((role, pid) -> cpu.put(role, cpu(pid)));
        return cpu;
    }

    /** Resident set size, in KiB ({@code VmRSS}). */
    public static long rssKib(long pid) {
        return statusKib(read(Path.of("/proc", Long.toString(pid), "status")), "VmRSS");
    }

    /** Peak resident set size so far, in KiB ({@code VmHWM}). */
    public static long peakRssKib(long pid) {
        return statusKib(read(Path.of("/proc", Long.toString(pid), "status")), "VmHWM");
    }

    /**
     * utime + stime (fields 14 and 15) of a {@code stat} line. The command name (field 2) is in
     * parentheses and may itself hold spaces and parentheses, so fields are counted after the last ')'.
     */
    static long cpuTicks(String statLine) {
        String[] fields = afterCommand(statLine);
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** The fields after the command name: index 0 is field 3 (state), so field N is at N - 3. */
    private static String[] afterCommand(String statLine) {
        return statLine.substring(statLine.lastIndexOf(')') + 1).trim().split(" ");
    }

    /**
     * cutime + cstime (fields 16 and 17) of a {@code stat} line: the CPU time of the process's
     * children that it has waited for.
     */
    static Duration waitedChildrenCpu(String statLine) {
        String[] fields = afterCommand(statLine);
        return Duration.ofNanos((Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * TICK_NANOS);
    }

    /** A {@code Name:   1234 kB} line of a {@code status} file. */
    static long statusKib(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name + ":")) {
                return Long.parseLong(
                        line.substring(name.length() + 1).replace("kB", "").trim());
            }
        }
        throw new IllegalStateException("no " + name + " in /proc/<pid>/status");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + " (has the process exited?)", e);
        }
    }

    private static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
