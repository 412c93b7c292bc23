package dev.tributary.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Keeps the README's "latest results" section current: after a full run of every scenario, the
 * text between {@value #START} and {@value #END} becomes a link to the results file and its
 * targets table.
 */
final class ReadmeSection {

    static final String START = "<!-- latest-results:start -->";
    static final String END = "<!-- latest-results:end -->";

    private ReadmeSection() {}

    static void update(Path readme, Path resultsFile, List<BenchRun.Result> results) throws IOException {
        if (!Files.exists(readme)) {
            return;
        }
        String text = Files.readString(readme);
        List<Verdict> verdicts = BenchRun.verdicts(results);
        String link = readme.getParent().relativize(resultsFile).toString();
        Markdown section = new Markdown()
                .paragraph("Latest full run: [" + resultsFile.getFileName() + "](" + link + ")")
                .table(Verdict.HEADER, verdicts.stream().map(Verdict::cells).toList());
        Files.writeString(readme, replace(text, section.toString()));
    }

    /** The text with the section between the markers replaced; unchanged when the markers are missing. */
    static String replace(String text, String section) {
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        if (start < 0 || end < start) {
            return text;
        }
        return text.substring(0, start + START.length()) + "\n" + section + text.substring(end);
    }
}
