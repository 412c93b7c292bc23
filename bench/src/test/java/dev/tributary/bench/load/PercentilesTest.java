package dev.tributary.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    private final long[] oneToHundred = LongStream.rangeClosed(1, 100).toArray();

    @Test
    void nearestRankOfOneToHundred() {
        assertEquals(1, Percentiles.nearestRank(oneToHundred, 1));
        assertEquals(50, Percentiles.nearestRank(oneToHundred, 50));
        assertEquals(99, Percentiles.nearestRank(oneToHundred, 99));
        assertEquals(100, Percentiles.nearestRank(oneToHundred, 99.9));
        assertEquals(100, Percentiles.nearestRank(oneToHundred, 100));
    }

    @Test
    void aSingleValueIsEveryPercentile() {
        assertEquals(7, Percentiles.nearestRank(new long[] {7}, 0.1));
        assertEquals(7, Percentiles.nearestRank(new long[] {7}, 100));
    }

    @Test
    void refusesNoValuesAndPercentilesOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> Percentiles.nearestRank(new long[0], 50));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.nearestRank(oneToHundred, 0));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.nearestRank(oneToHundred, 101));
    }
}
