package dev.tributary.examples.thumbnail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Makes thumbnails with Thumbnailator: the image scaled to fit in {@value #MAX_EDGE}×{@value
 * #MAX_EDGE} keeping its aspect ratio (EXIF orientation applied), encoded in the source's format.
 * An image that already fits is not enlarged: its thumbnail is a re-encoded copy at the same size.
 * PNGs of every kind (palette with or without transparency, 1 to 16 bits, grey with alpha) are
 * scaled as true colour and keep their alpha.
 *
 * <p>The pixel count declared in the header is checked before anything is decoded, so memory use
 * is bounded by about {@code 4 × maxPixels} bytes per concurrent call. JPEG decoding goes through
 * the TwelveMonkeys reader (CMYK, YCCK and other JPEGs the JDK reader refuses). Thread-safe.
 */
public final class Thumbnails {

    /** The longest edge of a thumbnail, in pixels. */
    public static final int MAX_EDGE = 300;

    static {
        // In-memory streams only: no temporary files per image. scanForPlugins registers the
        // TwelveMonkeys readers when the context class loader was not scanned yet (Lambda, servlets).
        ImageIO.setUseCache(false);
        ImageIO.scanForPlugins();
    }

    private final long maxPixels;

    /** @param maxPixels images whose header declares more pixels are refused */
    public Thumbnails(long maxPixels) {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
        }
        this.maxPixels = maxPixels;
    }

    /**
     * The thumbnail of an encoded image.
     *
     * @throws UnusableObjectException {@link SkipReason#EMPTY_OBJECT}, {@link SkipReason#NOT_AN_IMAGE}
     *     (unrecognised or undecodable content), {@link SkipReason#UNSUPPORTED_FORMAT} or
     *     {@link SkipReason#TOO_MANY_PIXELS}; never an {@link OutOfMemoryError} from a huge header
     */
    public Thumbnail create(byte[] image) throws UnusableObjectException {
        if (image.length == 0) {
            throw new UnusableObjectException(SkipReason.EMPTY_OBJECT, "the object has 0 bytes");
        }
        ImageHeader header = ImageHeader.read(image);
        if (header.pixels() > maxPixels) {
            throw new UnusableObjectException(
                    SkipReason.TOO_MANY_PIXELS,
                    header.width() + "x" + header.height() + " is more than the limit of " + maxPixels + " pixels");
        }
        try {
            BufferedImage scaled = scale(image, header);
            return new Thumbnail(
                    encode(scaled, header.format()), header.format(), scaled.getWidth(), scaled.getHeight());
        } catch (IOException | RuntimeException e) {
            throw new UnusableObjectException(
                    SkipReason.NOT_AN_IMAGE, "the " + header.format() + " image cannot be decoded: " + e.getMessage());
        }
    }

    private static BufferedImage scale(byte[] image, ImageHeader header) throws IOException {
        var builder = header.format() == ImageFormat.PNG
                ? net.coobird.thumbnailator.Thumbnails.of(decodeTrueColour(image))
                : net.coobird.thumbnailator.Thumbnails.of(new ByteArrayInputStream(image));
        if (header.width() <= MAX_EDGE && header.height() <= MAX_EDGE) {
            builder.scale(1.0);
        } else {
            builder.size(MAX_EDGE, MAX_EDGE);
        }
        return builder.asBufferedImage();
    }

    /** PNGs are scaled from a true-colour copy (see {@link TrueColour}); JPEGs keep Thumbnailator's decoding, EXIF orientation included. */
    private static BufferedImage decodeTrueColour(byte[] png) throws IOException {
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
        if (decoded == null) {
            throw new IOException("no PNG reader accepts the content");
        }
        return TrueColour.of(decoded);
    }

    private static byte[] encode(BufferedImage thumbnail, ImageFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        net.coobird.thumbnailator.Thumbnails.of(thumbnail)
                .scale(1.0)
                .outputFormat(format.formatName())
                .toOutputStream(out);
        return out.toByteArray();
    }
}
