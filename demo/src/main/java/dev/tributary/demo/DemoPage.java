package dev.tributary.demo;

import dev.tributary.demo.store.DemoObjectStore;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /demo}: the page that follows each upload through the pipeline. It polls
 * {@code /demo/uploads} (see {@link dev.tributary.demo.journal.JournalController}) every second
 * with {@code If-None-Match}, so an idle page costs a 304, and shows thumbnails, never originals.
 */
@Controller("/demo")
public class DemoPage {

    private final String html;

    public DemoPage(DemoObjectStore store) throws IOException {
        try (InputStream in = DemoPage.class.getClassLoader().getResourceAsStream("demo-page.html")) {
            if (in == null) {
                throw new IllegalStateException("demo-page.html is missing from the demo jar");
            }
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{STORE}}", store.endpoint())
                    .replace("{{BUCKET}}", DemoStack.BUCKET);
        }
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public String page() {
        return html;
    }
}
