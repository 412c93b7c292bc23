package dev.tributary.demo;

import dev.tributary.demo.store.DemoObjectStore;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** {@code GET /demo}: uploads and their thumbnails side by side, refreshed every two seconds. */
@Controller("/demo")
public class DemoPage {

    private static final String THUMBNAILS = "thumbnails/";

    private final DemoObjectStore store;

    public DemoPage(DemoObjectStore store) {
        this.store = store;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public String page() {
        Map<String, DemoObjectStore.StoredObject> objects = store.list(DemoStack.BUCKET, "");
        StringBuilder rows = new StringBuilder();
        objects.forEach((key, object) -> {
            if (key.startsWith(THUMBNAILS)) {
                return;
            }
            boolean hasThumbnail = objects.containsKey(THUMBNAILS + key);
            rows.append("<tr><td>").append(escape(key)).append("<br><small>").append(object.bytes().length)
                    .append(" bytes</small></td><td><img class=original src=\"").append(url(key)).append("\"></td><td>")
                    .append(hasThumbnail ? "<img src=\"" + url(THUMBNAILS + key) + "\">" : "<em>no thumbnail (yet)</em>")
                    .append("</td></tr>");
        });
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>Tributary demo</title>
                <meta http-equiv="refresh" content="2">
                <style>body{font-family:sans-serif;margin:2em}td{padding:.5em;border-bottom:1px solid #ddd;vertical-align:top}
                img.original{max-width:480px;max-height:360px}</style></head><body>
                <h1>Tributary demo</h1>
                <p>Upload with <code>./tributary demo upload cat.jpg</code> or <code>curl -T cat.jpg %s/%s/cat.jpg</code>.</p>
                <table><tr><th>object</th><th>upload</th><th>thumbnail (fits 300&times;300)</th></tr>%s</table>
                </body></html>
                """.formatted(store.endpoint(), DemoStack.BUCKET,
                rows.length() == 0 ? "<tr><td colspan=3><em>nothing uploaded yet</em></td></tr>" : rows);
    }

    private String url(String key) {
        return store.endpoint() + "/" + DemoStack.BUCKET + "/"
                + URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
