package dev.tributary.examples.thumbnail;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Converts a decoded image to the true-colour working image thumbnails are scaled from:
 * {@link BufferedImage#TYPE_INT_ARGB} when the source has alpha (palette transparency included),
 * {@link BufferedImage#TYPE_INT_RGB} otherwise. Palette entries are looked up exactly (no
 * re-quantising to a fixed palette), and grey samples of any bit depth become equal R, G and B of
 * the same level: PNG grey is display-referred like its RGB, so it is not put through Java's linear
 * grey colour space.
 */
final class TrueColour {

    private TrueColour() {}

    /** The image as (A)RGB, 8 bits a channel; a new image, the source is not changed. */
    static BufferedImage of(BufferedImage source) {
        ColorModel model = source.getColorModel();
        boolean alpha = model.hasAlpha();
        BufferedImage target = new BufferedImage(
                source.getWidth(),
                source.getHeight(),
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        if (!(model instanceof IndexColorModel) && model.getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            copyGrey(source.getRaster(), alpha, target);
        } else {
            int[] row = new int[source.getWidth()];
            for (int y = 0; y < source.getHeight(); y++) {
                source.getRGB(0, y, row.length, 1, row, 0, row.length);
                target.setRGB(0, y, row.length, 1, row, 0, row.length);
            }
        }
        return target;
    }

    private static void copyGrey(Raster raster, boolean alpha, BufferedImage target) {
        int greyMax = (1 << raster.getSampleModel().getSampleSize(0)) - 1;
        int alphaMax = alpha ? (1 << raster.getSampleModel().getSampleSize(1)) - 1 : 1;
        int width = raster.getWidth();
        int[] grey = new int[width];
        int[] alphas = new int[width];
        int[] row = new int[width];
        for (int y = 0; y < raster.getHeight(); y++) {
            raster.getSamples(0, y, width, 1, 0, grey);
            if (alpha) {
                raster.getSamples(0, y, width, 1, 1, alphas);
            }
            for (int x = 0; x < width; x++) {
                int level = eightBit(grey[x], greyMax);
                int a = alpha ? eightBit(alphas[x], alphaMax) : 255;
                row[x] = a << 24 | level << 16 | level << 8 | level;
            }
            target.setRGB(0, y, width, 1, row, 0, width);
        }
    }

    private static int eightBit(int sample, int max) {
        return (int) ((sample * 255L + max / 2) / max);
    }
}
