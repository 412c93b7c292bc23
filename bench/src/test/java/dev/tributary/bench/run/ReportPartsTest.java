package dev.tributary.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportPartsTest {

    @Test
    void markdownTablesEscapePipes() {
        String table = new Markdown()
                .table(List.of("a", "b"), List.of(List.of("1", "x|y")))
                .toString();
        assertEquals("| a | b |\n| --- | --- |\n| 1 | x\\|y |\n\n", table);
        assertThrows(
                IllegalArgumentException.class, () -> new Markdown().table(List.of("a", "b"), List.of(List.of("1"))));
    }

    @Test
    void verdictsCompareAgainstTheirTarget() {
        assertEquals("met", Verdict.atLeast("f", 2.1, "2.10×", "—", "≥ 2×", 2).status());
        Verdict missed = Verdict.atMost("f", 51, "51 µs", "—", "≤ 50 µs", 50);
        assertTrue(missed.missed());
        assertEquals("**missed**", missed.cells().get(4));
        assertTrue(
                Verdict.notMeasured("f", "≤ 5 µs", "adapter missing").status().contains("adapter missing"));
    }

    @Test
    void readmeSectionIsReplacedBetweenItsMarkers() {
        String readme = "intro\n" + ReadmeSection.START + "\nold table\n" + ReadmeSection.END + "\nrest\n";
        assertEquals(
                "intro\n" + ReadmeSection.START + "\nnew\n" + ReadmeSection.END + "\nrest\n",
                ReadmeSection.replace(readme, "new\n"));
        assertEquals("no markers", ReadmeSection.replace("no markers", "new"));
    }

    @Test
    void figuresAreFormattedForReading() {
        assertEquals("57,012", Fmt.whole(57_012.4));
        assertEquals("0.18×", Fmt.ratio(0.1842));
        assertEquals("256 MiB", Fmt.mib(262_144));
    }
}
