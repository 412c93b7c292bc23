package dev.tributary.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo page in a real headless Chromium ({@code src/test/browser/demo-page.mjs}, Playwright's
 * {@code playwright-core} driving Debian's {@code chromium}): an upload's row appears with its
 * stages and outcome (written, with the thumbnail; skipped and why; matched no route), newest first,
 * with the gateway's live counts, and the page never downloads an original.
 */
class DemoPageIT {

    @TempDir
    Path dir;

    @Test
    void thePageFollowsEachUploadToItsOutcome() throws Exception {
        BufferedImage image = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(15, 108, 73));
        g.fillRect(0, 0, 600, 400);
        g.dispose();
        ImageIO.write(image, "png", dir.resolve("cat.png").toFile());
        Files.writeString(dir.resolve("notes.jpg"), "these are not pixels");
        Files.copy(dir.resolve("cat.png"), dir.resolve("UPPER.JPG"));

        try (DemoStack demo = DemoStack.start(DemoStack.Ports.ANY)) {
            Process node = new ProcessBuilder(
                            "node",
                            "demo-page.mjs",
                            demo.gatewayUrl() + "/demo",
                            demo.store().endpoint(),
                            dir.toString())
                    .directory(Path.of("src/test/browser").toFile())
                    .redirectErrorStream(true)
                    .start();
            boolean finished = node.waitFor(180, TimeUnit.SECONDS);
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!finished) {
                node.destroyForcibly();
            }
            System.out.println(output);
            assertEquals(0, finished ? node.exitValue() : -1, output);
        }
    }
}
