package dev.tributary.examples.thumbnail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ThumbnailsTest {

    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

    private final Thumbnails thumbnails = new Thumbnails(Settings.DEFAULT_MAX_PIXELS);

    @Test
    void landscapeJpegFitsTheWidthAndStaysJpeg() throws Exception {
        Thumbnail thumbnail = thumbnails.create(TestImages.jpeg(2000, 1500));

        assertEquals(ImageFormat.JPEG, thumbnail.format());
        assertEquals("image/jpeg", thumbnail.format().mediaType());
        assertArrayEquals(JPEG_MAGIC, Arrays.copyOf(thumbnail.bytes(), 3));
        assertDimensions(thumbnail, 300, 225);
    }

    @Test
    void portraitPngFitsTheHeightAndKeepsItsAlpha() throws Exception {
        Thumbnail thumbnail = thumbnails.create(TestImages.png(1000, 3000));

        assertEquals(ImageFormat.PNG, thumbnail.format());
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(thumbnail.bytes(), 4));
        assertDimensions(thumbnail, 100, 300);
        BufferedImage decoded = TestImages.decode(thumbnail.bytes());
        assertTrue(decoded.getColorModel().hasAlpha());
        int leftAlpha = decoded.getRGB(5, 150) >>> 24;
        int rightAlpha = decoded.getRGB(95, 150) >>> 24;
        assertTrue(leftAlpha > 100 && leftAlpha < 160, "left third half transparent, alpha " + leftAlpha);
        assertEquals(255, rightAlpha);
    }

    @Test
    void anImageThatAlreadyFitsIsNotEnlarged() throws Exception {
        Thumbnail thumbnail = thumbnails.create(TestImages.jpeg(50, 40));

        assertDimensions(thumbnail, 50, 40);
    }

    @Test
    void anImageExactlyAtTheLimitKeepsItsSize() throws Exception {
        assertDimensions(thumbnails.create(TestImages.png(300, 120)), 300, 120);
    }

    @Test
    void textNamedLikeAJpegIsNotAnImage() {
        UnusableObjectException e = assertThrows(
                UnusableObjectException.class,
                () -> thumbnails.create("just some text, not a JPEG\n".getBytes(StandardCharsets.UTF_8)));

        assertEquals(SkipReason.NOT_AN_IMAGE, e.reason());
    }

    @Test
    void zeroBytesAreAnEmptyObject() {
        UnusableObjectException e = assertThrows(UnusableObjectException.class, () -> thumbnails.create(new byte[0]));

        assertEquals(SkipReason.EMPTY_OBJECT, e.reason());
    }

    @Test
    void aHugeDeclaredSizeIsRefusedFromTheHeaderWithoutDecoding() {
        // The data after the header is garbage: decoding would fail as NOT_AN_IMAGE (or need 30 GB).
        byte[] bomb = TestImages.pngHeaderClaiming(100_000, 100_000);

        UnusableObjectException e = assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () -> assertThrows(UnusableObjectException.class, () -> thumbnails.create(bomb)));

        assertEquals(SkipReason.TOO_MANY_PIXELS, e.reason());
        assertTrue(e.getMessage().contains("100000x100000"), e.getMessage());
    }

    @Test
    void thePixelLimitIsConfigurable() throws Exception {
        byte[] image = TestImages.jpeg(2000, 1500);

        UnusableObjectException e =
                assertThrows(UnusableObjectException.class, () -> new Thumbnails(2_999_999).create(image));

        assertEquals(SkipReason.TOO_MANY_PIXELS, e.reason());
        assertDimensions(new Thumbnails(3_000_000).create(image), 300, 225);
    }

    @Test
    void aValidHeaderWithCorruptDataIsNotAnImage() {
        UnusableObjectException e = assertThrows(
                UnusableObjectException.class, () -> thumbnails.create(TestImages.pngHeaderClaiming(40, 30)));

        assertEquals(SkipReason.NOT_AN_IMAGE, e.reason());
        assertTrue(e.getMessage().contains("cannot be decoded"), e.getMessage());
    }

    @Test
    void otherImageFormatsAreUnsupported() {
        UnusableObjectException e =
                assertThrows(UnusableObjectException.class, () -> thumbnails.create(TestImages.gif(400, 300)));

        assertEquals(SkipReason.UNSUPPORTED_FORMAT, e.reason());
        assertTrue(e.getMessage().toLowerCase().contains("gif"), e.getMessage());
    }

    private static void assertDimensions(Thumbnail thumbnail, int width, int height) {
        assertEquals(width + "x" + height, thumbnail.width() + "x" + thumbnail.height(), "reported size");
        BufferedImage decoded = TestImages.decode(thumbnail.bytes());
        assertEquals(width + "x" + height, decoded.getWidth() + "x" + decoded.getHeight(), "encoded size");
    }
}
