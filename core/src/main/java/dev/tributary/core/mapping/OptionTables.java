package dev.tributary.core.mapping;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Generates the option tables of {@code docs/route-mappings.md} (Markdown) from a
 * {@link ComponentCatalog}: one section per source and sink type. Stateless.
 */
public final class OptionTables {

    private OptionTables() {}

    /** The tables of every source type, then every sink type. */
    public static String markdown(ComponentCatalog catalog) {
        StringBuilder out = new StringBuilder();
        section(out, "Source types", catalog.sources(), true);
        section(out, "Sink types", catalog.sinks(), false);
        out.append("#### Options of every sink type\n\n")
                .append("Flow control ([flow-control.md](flow-control.md)): every sink type accepts these too.\n\n");
        table(out, SinkLimits.OPTIONS);
        return out.toString();
    }

    private static void section(StringBuilder out, String title, Map<String, ComponentType> types, boolean sources) {
        out.append("### ").append(title).append("\n\n");
        for (ComponentType type : types.values()) {
            out.append("#### `").append(type.name()).append("`");
            if (sources) {
                out.append(type.push() ? " (push: `POST /sources/{name}`)" : " (pull)");
            }
            out.append("\n\n").append(type.description()).append("\n\n");
            List<OptionSpec> own = type.options().stream()
                    .filter(option -> sources || !SinkLimits.isOption(option.name()))
                    .toList();
            if (own.isEmpty()) {
                out.append(sources ? "No options.\n\n" : "No options of its own.\n\n");
                continue;
            }
            table(out, own);
        }
    }

    private static void table(StringBuilder out, List<OptionSpec> options) {
        out.append("| Option | Type | Required | Default | Description |\n");
        out.append("|---|---|---|---|---|\n");
        for (OptionSpec option : options) {
            out.append("| `")
                    .append(option.name())
                    .append("` | ")
                    .append(shape(option))
                    .append(" | ")
                    .append(option.required() ? "yes" : "no")
                    .append(" | ")
                    .append(option.defaultValue()
                            .map(value -> "`" + value + "`")
                            .orElse(""))
                    .append(" | ")
                    .append(escape(option.description()))
                    .append(option.secret() ? " **Secret.**" : "")
                    .append(" |\n");
        }
        out.append('\n');
    }

    private static String shape(OptionSpec option) {
        if (!option.allowedValues().isEmpty()) {
            return "one of "
                    + option.allowedValues().stream()
                            .map(value -> "`" + value + "`")
                            .collect(Collectors.joining(", "));
        }
        if (!option.variants().isEmpty()) {
            return "a mapping: `type` one of "
                    + option.variants().entrySet().stream()
                            .map(variant -> "`" + variant.getKey() + "` (with "
                                    + variant.getValue().stream()
                                            .map(value -> "`" + value.name() + "`" + (value.secret() ? ", secret" : ""))
                                            .collect(Collectors.joining(" and "))
                                    + ")")
                            .collect(Collectors.joining(", "));
        }
        return option.range()
                .map(range -> "an integer, " + range.min() + " to " + range.max())
                .orElse(option.kind().description());
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }
}
