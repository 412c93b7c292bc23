package dev.tributary.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WrkTest {

    /** wrk 4.1 (Debian) output followed by the wrapper's stat line; cutime 9 + cstime 87 ticks. */
    private static final String CLEAN = """
            Running 2s test @ http://127.0.0.1:19101/
              2 threads and 32 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     1.35ms    1.78ms  23.45ms   87.85%
                Req/Sec    17.94k     7.44k   31.92k    70.00%
              71464 requests in 2.01s, 4.63MB read
            Requests/sec:  35621.45
            Transfer/sec:      2.31MB
            WRAPPER_STAT 6586 (bash) R 6487 6487 21053 0 -1 4194304 190 470 0 1 0 0 9 87 20 0 1 0 249574 4464640 756
            """;

    @Test
    void readsRateAndWrkCpuFromTheWrapper() {
        Wrk.Result result = Wrk.parse(CLEAN);
        assertEquals(35621.45, result.requestsPerSecond());
        assertEquals(0, result.non2xx());
        assertEquals(0, result.socketErrors());
        long tick = ProcStat.waitedChildrenCpu("1 (bash) R 0 0 0 0 -1 0 0 0 0 0 0 0 1 0")
                .toNanos();
        assertEquals(96 * tick, result.cpu().toNanos());
    }

    @Test
    void countsNon2xxAnswersAndSocketErrors() {
        String failing = CLEAN.replace("Requests/sec:", """
                  Socket errors: connect 1, read 2, write 3, timeout 4
                  Non-2xx or 3xx responses: 17
                Requests/sec:""");
        Wrk.Result result = Wrk.parse(failing);
        assertEquals(17, result.non2xx());
        assertEquals(10, result.socketErrors());
    }

    @Test
    void refusesOutputWithoutSummary() {
        assertThrows(
                IllegalStateException.class,
                () -> Wrk.parse("unable to connect to 127.0.0.1:1 Connection refused\n" + Wrk.STAT_MARKER
                        + "1 (bash) R 0 0 0 0 -1 0 0 0 0 0 0 0 0 0\n"));
    }
}
