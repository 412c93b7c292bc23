package dev.tributary.examples.thumbnail;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Generated images for tests and the benchmark: deterministic, no files on disk. */
public final class TestImages {

    private TestImages() {}

    /** A JPEG of the given size: a gradient with coloured rings, the same bytes on every call. */
    public static byte[] jpeg(int width, int height) {
        return encode(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpg");
    }

    /** A PNG with an alpha channel (its left third is half transparent). */
    public static byte[] png(int width, int height) {
        return encode(picture(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    /** A GIF: an image format the function does not thumbnail. */
    public static byte[] gif(int width, int height) {
        return encode(picture(width, height, BufferedImage.TYPE_INT_RGB), "gif");
    }

    /**
     * A PNG whose header (IHDR, with a valid CRC) declares {@code width × height} RGB pixels but
     * whose image data is garbage: decoding it would fail, or need {@code 3 × width × height} bytes.
     */
    public static byte[] pngHeaderClaiming(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13)
                .putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", "not deflate data".getBytes(StandardCharsets.US_ASCII));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** Decodes an image (to check a thumbnail). */
    public static BufferedImage decode(byte[] image) {
        try {
            return ImageIO.read(new ByteArrayInputStream(image));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        try {
            g.setPaint(new GradientPaint(0, 0, new Color(30, 90, 200), width, height, new Color(240, 200, 40)));
            g.fillRect(0, 0, width, height);
            g.setStroke(new BasicStroke(Math.max(1, width / 200f)));
            for (int i = 0; i < 12; i++) {
                g.setColor(new Color((i * 70) % 256, (i * 40) % 256, (i * 110) % 256));
                g.drawOval(i * width / 14, i * height / 16, width / 3, height / 3);
            }
            if (image.getColorModel().hasAlpha()) {
                g.setComposite(AlphaComposite.Src);
                g.setColor(new Color(255, 0, 0, 128));
                g.fillRect(0, 0, width / 3, height);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
