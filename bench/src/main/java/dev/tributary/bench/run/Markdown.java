package dev.tributary.bench.run;

import java.util.List;

/** Builds a Markdown document: headings, paragraphs, bullets and pipe tables. Not thread-safe. */
final class Markdown {

    private final StringBuilder text = new StringBuilder();

    Markdown heading(int level, String title) {
        text.append("#".repeat(level)).append(' ').append(title).append("\n\n");
        return this;
    }

    Markdown paragraph(String paragraph) {
        text.append(paragraph).append("\n\n");
        return this;
    }

    Markdown bullets(List<String> items) {
        items.forEach(item -> text.append("- ").append(item).append('\n'));
        text.append('\n');
        return this;
    }

    /** A table; each row has as many cells as the header. */
    Markdown table(List<String> header, List<List<String>> rows) {
        row(header);
        text.append('|').append(" --- |".repeat(header.size())).append('\n');
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException(
                        "row " + row + " does not have the " + header.size() + " cells of " + header);
            }
            row(row);
        }
        text.append('\n');
        return this;
    }

    Markdown append(Markdown other) {
        text.append(other.text);
        return this;
    }

    private void row(List<String> cells) {
        text.append('|');
        cells.forEach(cell -> text.append(' ').append(cell.replace("|", "\\|")).append(" |"));
        text.append('\n');
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
