package dev.tributary.examples.thumbnail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pixel goldens for every kind of PNG: each input is a 2×2 grid of flat colour quadrants (some
 * transparent), 600×400, so its 300×200 thumbnail must show the same four colours at the quadrant
 * centres, within a small tolerance for the resampling.
 */
class PngKindsTest {

    private static final int WIDTH = 600;
    private static final int HEIGHT = 400;
    private static final int TOLERANCE = 3;

    private final Thumbnails thumbnails = new Thumbnails(Settings.DEFAULT_MAX_PIXELS);

    static Stream<Arguments> pngs() {
        return Stream.of(
                Arguments.of("8-bit palette", palette(8, false)),
                Arguments.of("8-bit palette with transparency", palette(8, true)),
                Arguments.of("4-bit palette", palette(4, false)),
                Arguments.of("2-bit palette with transparency", palette(2, true)),
                Arguments.of("1-bit palette, one colour", onePaletteColour()),
                Arguments.of("1-bit palette with transparency", palette(1, true)),
                Arguments.of("grey + alpha", component(ColorSpace.CS_GRAY, true, DataBuffer.TYPE_BYTE)),
                Arguments.of("16-bit grey", component(ColorSpace.CS_GRAY, false, DataBuffer.TYPE_USHORT)),
                Arguments.of("16-bit RGB", component(ColorSpace.CS_sRGB, false, DataBuffer.TYPE_USHORT)),
                Arguments.of("16-bit RGBA", component(ColorSpace.CS_sRGB, true, DataBuffer.TYPE_USHORT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pngs")
    void thumbnailKeepsEveryQuadrantsColourAndAlpha(String kind, Golden golden) throws Exception {
        byte[] png = golden.encode();

        Thumbnail thumbnail = thumbnails.create(png);

        assertEquals(ImageFormat.PNG, thumbnail.format());
        BufferedImage decoded = ImageIO.read(new java.io.ByteArrayInputStream(thumbnail.bytes()));
        assertEquals(300, decoded.getWidth());
        assertEquals(200, decoded.getHeight());
        int[][] centres = {{75, 50}, {225, 50}, {75, 150}, {225, 150}};
        for (int q = 0; q < 4; q++) {
            int actual = decoded.getRGB(centres[q][0], centres[q][1]);
            assertClose(kind + " quadrant " + q, golden.argb()[q], actual);
        }
    }

    private static void assertClose(String what, int expected, int actual) {
        int expectedAlpha = expected >>> 24;
        int actualAlpha = actual >>> 24;
        assertTrue(
                Math.abs(expectedAlpha - actualAlpha) <= TOLERANCE,
                what + ": alpha " + actualAlpha + ", expected " + expectedAlpha);
        if (expectedAlpha == 0) {
            return; // a fully transparent pixel has no colour to compare
        }
        for (int shift = 0; shift <= 16; shift += 8) {
            int e = (expected >> shift) & 0xFF;
            int a = (actual >> shift) & 0xFF;
            assertTrue(Math.abs(e - a) <= TOLERANCE, what + ": " + hex(actual) + ", expected " + hex(expected));
        }
    }

    private static String hex(int argb) {
        return String.format("#%08x", argb);
    }

    /** An input PNG and the ARGB colour of its four quadrants (top-left, top-right, bottom-left, bottom-right). */
    record Golden(BufferedImage image, int[] argb) {
        byte[] encode() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertTrue(ImageIO.write(image, "png", out), "a PNG writer for " + image);
            return out.toByteArray();
        }
    }

    /** A palette PNG of the given bit depth; with transparency, the top-left quadrant is transparent. */
    private static Golden palette(int bits, boolean transparent) {
        int[] colours = {0xFF0F6C49, 0xFFD01C1C, 0xFF2040E0, 0xFFF0E010};
        int size = Math.min(1 << bits, 4);
        byte[] r = new byte[size];
        byte[] g = new byte[size];
        byte[] b = new byte[size];
        byte[] a = new byte[size];
        int[] quadrantIndex = new int[4];
        for (int i = 0; i < size; i++) {
            r[i] = (byte) (colours[i] >> 16);
            g[i] = (byte) (colours[i] >> 8);
            b[i] = (byte) colours[i];
            a[i] = (byte) (transparent && i == 0 ? 0 : 255);
        }
        int[] argb = new int[4];
        for (int q = 0; q < 4; q++) {
            quadrantIndex[q] = q % size;
            argb[q] = transparent && quadrantIndex[q] == 0 ? 0 : colours[quadrantIndex[q]];
        }
        IndexColorModel model = new IndexColorModel(bits, size, r, g, b, a);
        BufferedImage image = bits == 8
                ? new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_INDEXED, model)
                : new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_BINARY, model);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                raster.setSample(x, y, 0, quadrantIndex[quadrant(x, y)]);
            }
        }
        return new Golden(image, argb);
    }

    /** A 1-bit palette PNG whose every pixel is the palette's one (dark green) colour. */
    private static Golden onePaletteColour() {
        IndexColorModel model =
                new IndexColorModel(1, 2, new byte[] {0x0F, 0}, new byte[] {0x6C, 0}, new byte[] {0x49, 0});
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_BINARY, model);
        int green = 0xFF0F6C49;
        return new Golden(image, new int[] {green, green, green, green});
    }

    /** A grey or RGB PNG, 8- or 16-bit, with or without alpha; with alpha, the top-left quadrant is transparent. */
    private static Golden component(int space, boolean alpha, int dataType) {
        ColorSpace colorSpace = ColorSpace.getInstance(space);
        int colourBands = colorSpace.getNumComponents();
        int bands = colourBands + (alpha ? 1 : 0);
        ColorModel model = new ComponentColorModel(
                colorSpace, alpha, false, alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, dataType);
        WritableRaster raster = model.createCompatibleWritableRaster(WIDTH, HEIGHT);
        int max = dataType == DataBuffer.TYPE_USHORT ? 65535 : 255;
        // colour levels per quadrant, as 8-bit values; grey uses the first
        int[][] levels = {{0x30, 0x80, 0xC0}, {0xE0, 0x20, 0x40}, {0x10, 0xA0, 0x60}, {0xF0, 0xF0, 0x10}};
        int[] alphas = {0, 255, 128, 255};
        int[] argb = new int[4];
        for (int q = 0; q < 4; q++) {
            int a = alpha ? alphas[q] : 255;
            argb[q] = colourBands == 1
                    ? a << 24 | levels[q][0] << 16 | levels[q][0] << 8 | levels[q][0]
                    : a << 24 | levels[q][0] << 16 | levels[q][1] << 8 | levels[q][2];
        }
        int[] pixel = new int[bands];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int q = quadrant(x, y);
                for (int band = 0; band < colourBands; band++) {
                    pixel[band] = levels[q][band] * max / 255;
                }
                if (alpha) {
                    pixel[colourBands] = alphas[q] * max / 255;
                }
                raster.setPixel(x, y, pixel);
            }
        }
        return new Golden(new BufferedImage(model, raster, false, null), argb);
    }

    private static int quadrant(int x, int y) {
        return (x < WIDTH / 2 ? 0 : 1) + (y < HEIGHT / 2 ? 0 : 2);
    }
}
