package dev.tributary.core.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed files derived from the providers' declarations ({@link ComponentCatalog#installed()}
 * in the gateway, which holds every provider) are current: the JSON Schema's source and sink parts
 * ({@link ComponentSchema}) and the option tables of {@code docs/route-mappings.md}
 * ({@link OptionTables}). Run with {@code -Dtributary.regenerate=true} to rewrite them.
 */
class GeneratedFilesTest {

    static final String REGENERATE = "mvn -B -ntp -o -q -pl gateway -am test -Dtest=GeneratedFilesTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dtributary.regenerate=true";
    static final Path SCHEMA = Path.of("..", "mappings", "tributary-mappings.schema.json");
    static final Path REFERENCE = Path.of("..", "docs", "route-mappings.md");
    static final String TABLES_BEGIN =
            "<!-- BEGIN GENERATED OPTION TABLES: edit the providers' declarations, then regenerate -->\n";
    static final String TABLES_END = "<!-- END GENERATED OPTION TABLES -->\n";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Two-space indents, one array element per line, {@code "key": value}. */
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter(
                    Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);

    private static final boolean WRITE = Boolean.getBoolean("tributary.regenerate");

    private final ComponentCatalog catalog = ComponentCatalog.installed();

    @Test
    void schemaIsGeneratedFromTheDeclarations() throws IOException {
        JsonNode committed = JSON.readTree(SCHEMA.toFile());
        JsonNode generated = ComponentSchema.withComponents(committed, catalog);
        if (WRITE) {
            Files.writeString(
                    SCHEMA, JSON.writer(PRINTER).writeValueAsString(generated) + "\n", StandardCharsets.UTF_8);
        }
        assertEquals(
                generated,
                JSON.readTree(SCHEMA.toFile()),
                SCHEMA + " is not current; regenerate it with: " + REGENERATE);
    }

    @Test
    void optionTablesAreGeneratedFromTheDeclarations() throws IOException {
        String doc = Files.readString(REFERENCE, StandardCharsets.UTF_8);
        int begin = doc.indexOf(TABLES_BEGIN);
        int end = doc.indexOf(TABLES_END);
        assertTrue(begin >= 0 && end > begin, REFERENCE + " lacks the markers " + TABLES_BEGIN + " and " + TABLES_END);
        String current = doc.substring(0, begin + TABLES_BEGIN.length()) + "\n" + OptionTables.markdown(catalog)
                + doc.substring(end);
        if (WRITE) {
            Files.writeString(REFERENCE, current, StandardCharsets.UTF_8);
        }
        assertEquals(
                current,
                Files.readString(REFERENCE, StandardCharsets.UTF_8),
                REFERENCE + " option tables are not current; regenerate them with: " + REGENERATE);
    }

    @Test
    void everyBuiltInTypeIsAProviderLikeAnyOther() {
        assertEquals(
                java.util.List.of(
                        "aws-sns", "aws-sqs", "azure-eventgrid", "cloudevents", "gcp-pubsub", "gcp-pubsub-push"),
                java.util.List.copyOf(catalog.sources().keySet()));
        assertEquals(
                java.util.List.of(
                        "aws-eventbridge",
                        "aws-lambda",
                        "aws-sns",
                        "aws-sqs",
                        "azure-eventgrid",
                        "file",
                        "gcp-pubsub",
                        "http",
                        "knative-broker",
                        "log"),
                java.util.List.copyOf(catalog.sinks().keySet()));
    }
}
