package dev.tributary.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcStatTest {

    /** Fields 14–17 (utime, stime, cutime, cstime) are 11, 22, 33, 44; the command holds spaces and ')'. */
    private static final String STAT = "4242 (my (odd) cmd) S 1 4242 4242 0 -1 4194560 100 0 0 0 11 22 33 44 20 0 1 0 "
            + "1000 4464640 756 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

    @Test
    void cpuTicksAreUserPlusSystemCountedAfterTheCommandName() {
        assertEquals(33, ProcStat.cpuTicks(STAT));
    }

    @Test
    void waitedChildrenCpuIsCutimePlusCstime() {
        Duration ticks77 = ProcStat.waitedChildrenCpu(STAT);
        Duration oneTick = ProcStat.waitedChildrenCpu(STAT.replace(" 33 44 ", " 1 0 "));
        assertEquals(77 * oneTick.toNanos(), ticks77.toNanos());
        assertTrue(oneTick.toNanos() > 0);
    }

    @Test
    void statusFieldsAreReadInKib() {
        String status = "Name:\tjava\nVmHWM:\t  262144 kB\nVmRSS:\t  131072 kB\nThreads:\t20\n";
        assertEquals(131072, ProcStat.statusKib(status, "VmRSS"));
        assertEquals(262144, ProcStat.statusKib(status, "VmHWM"));
        assertThrows(IllegalStateException.class, () -> ProcStat.statusKib(status, "VmSwap"));
    }

    @Test
    void readsThisProcess() {
        long pid = ProcessHandle.current().pid();
        assertTrue(ProcStat.cpu(pid).toNanos() > 0);
        assertTrue(ProcStat.rssKib(pid) > 1024);
        assertTrue(ProcStat.peakRssKib(pid) > 1024);
        assertEquals(ProcStat.cpu(Map.of("self", pid)).keySet(), java.util.Set.of("self"));
    }
}
