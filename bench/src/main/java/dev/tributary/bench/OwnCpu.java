package dev.tributary.bench;

import java.lang.management.ManagementFactory;

/** The CPU time (user + system, all threads) this JVM process has used. */
public final class OwnCpu {

    private OwnCpu() {}

    public static long nanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
