package org.omerosdk.importer.format;

import java.util.Arrays;
import org.omerosdk.model.ValidationException;

/**
 * A lookup table a file gives for one channel (a TIFF palette, an ImageJ LUT): entry {@code i} is the colour of
 * value {@code i}, packed {@code 0xRRGGBB}, 8 bits per component.
 */
public final class ColorTable {
    private final int[] rgb;

    private ColorTable(int[] rgb) {
        this.rgb = rgb;
    }

    /** A table of packed {@code 0xRRGGBB} entries (2 to 65536 of them). */
    public static ColorTable of(int[] rgb) {
        if (rgb.length < 2 || rgb.length > 65536) {
            throw new ValidationException("a colour table has " + rgb.length + " entries; 2..65536 accepted");
        }
        return new ColorTable(rgb.clone());
    }

    public int size() {
        return rgb.length;
    }

    /** The packed colour of entry {@code i}. */
    public int rgb(int i) {
        return rgb[i];
    }

    public int red(int i) {
        return (rgb[i] >> 16) & 0xFF;
    }

    public int green(int i) {
        return (rgb[i] >> 8) & 0xFF;
    }

    public int blue(int i) {
        return rgb[i] & 0xFF;
    }

    /** The colour of the last entry: the colour OMERO would give the channel. */
    public int brightest() {
        return rgb[rgb.length - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColorTable t && Arrays.equals(t.rgb, rgb);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(rgb);
    }

    @Override
    public String toString() {
        return "ColorTable[" + rgb.length + " entries]";
    }
}
