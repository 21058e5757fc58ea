package org.omerosdk.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;

/**
 * Rendered pixels: {@code width * height} ints, row-major, packed {@code 0xAARRGGBB} as OMERO packs them (alpha
 * 0xFF in the colour model; the channel's alpha in greyscale).
 */
public record RenderedImage(int width, int height, int[] argb) {
    public RenderedImage {
        if (argb.length < width * height) {
            throw new IllegalArgumentException(argb.length + " pixels for " + width + "x" + height);
        }
    }

    /** A view as an RGB {@link BufferedImage} sharing the pixel array (alpha dropped, as OMERO's encoders do). */
    public BufferedImage toBufferedImage() {
        DirectColorModel rgb = new DirectColorModel(24, 0xFF0000, 0xFF00, 0xFF);
        DataBufferInt buffer = new DataBufferInt(argb, width * height);
        SinglePixelPackedSampleModel sm = new SinglePixelPackedSampleModel(buffer.getDataType(), width, height,
                new int[] {0xFF0000, 0xFF00, 0xFF});
        WritableRaster raster = Raster.createWritableRaster(sm, buffer, null);
        return new BufferedImage(rgb, raster, false, null);
    }
}
