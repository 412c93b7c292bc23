package dev.tributary.examples.thumbnail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The format and dimensions an image declares, read from its header without decoding pixels
 * ({@link ImageReader#getWidth(int)} reads only up to the frame header), so a huge image can be
 * refused before it costs memory.
 *
 * @param format the image format
 * @param width width of the first image, in pixels
 * @param height height of the first image, in pixels
 */
record ImageHeader(ImageFormat format, int width, int height) {

    /** Pixel count, as a long: {@code width × height} can exceed {@link Integer#MAX_VALUE}. */
    long pixels() {
        return (long) width * height;
    }

    /**
     * Reads the header of {@code image}. Thread-safe.
     *
     * @throws UnusableObjectException {@link SkipReason#NOT_AN_IMAGE} if no reader recognises the
     *     content or its header is unreadable, {@link SkipReason#UNSUPPORTED_FORMAT} for an image
     *     that is neither JPEG nor PNG
     */
    static ImageHeader read(byte[] image) throws UnusableObjectException {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new UnusableObjectException(SkipReason.NOT_AN_IMAGE, "no image reader recognises the content");
            }
            ImageReader reader = readers.next();
            try {
                Optional<ImageFormat> format = ImageFormat.of(reader.getOriginatingProvider());
                if (format.isEmpty()) {
                    throw new UnusableObjectException(
                            SkipReason.UNSUPPORTED_FORMAT,
                            reader.getFormatName() + " images are not thumbnailed (JPEG and PNG are)");
                }
                reader.setInput(input, true, true);
                return new ImageHeader(format.get(), reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new UnusableObjectException(SkipReason.NOT_AN_IMAGE, "unreadable image header: " + e.getMessage());
        }
    }
}
