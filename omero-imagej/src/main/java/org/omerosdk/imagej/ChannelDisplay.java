package org.omerosdk.imagej;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.process.LUT;
import java.awt.Color;
import org.omerosdk.model.core.Rgba;
import org.omerosdk.render.ChannelSettings;
import org.omerosdk.render.LookupTable;
import org.omerosdk.render.RenderingSettings;

/**
 * Rendering settings as ImageJ shows them: a LUT per channel from its lookup table or colour (inverted for reverse
 * intensity), the window as the channel's display range, the colour model as composite (several channels, colour)
 * or grayscale mode, the active channels, and the default plane as the position. ImageJ has no mapping families:
 * a channel's family and coefficient (linear, logarithmic, ...) are not shown.
 */
final class ChannelDisplay {
    private ChannelDisplay() {
    }

    /** {@code imp} with {@code settings} applied: {@code imp} itself for one channel, else a CompositeImage. */
    static ImagePlus apply(ImagePlus imp, RenderingSettings settings) {
        int sizeC = imp.getNChannels();
        LUT[] luts = new LUT[sizeC];
        for (int c = 0; c < sizeC; c++) {
            luts[c] = lut(settings.channels().get(c));
        }
        int z = Math.min(settings.defaultZ(), imp.getNSlices() - 1) + 1;
        int t = Math.min(settings.defaultT(), imp.getNFrames() - 1) + 1;
        if (sizeC == 1) {
            imp.setPosition(1, z, t);
            imp.setLut(luts[0]);
            imp.setDisplayRange(luts[0].min, luts[0].max);
            return imp;
        }
        int mode = settings.model() == RenderingSettings.Model.GREYSCALE ? CompositeImage.GRAYSCALE
                : CompositeImage.COMPOSITE;
        CompositeImage ci = new CompositeImage(imp, mode);
        ci.setLuts(luts);
        StringBuilder active = new StringBuilder();
        int firstActive = 0;
        for (int c = sizeC - 1; c >= 0; c--) {
            boolean on = settings.channels().get(c).active();
            if (on) {
                firstActive = c;
            }
        }
        for (int c = 0; c < sizeC; c++) {
            active.append(settings.channels().get(c).active() ? '1' : '0');
        }
        ci.setPosition(firstActive + 1, z, t);
        if (mode == CompositeImage.COMPOSITE) {
            ci.setActiveChannels(active.toString());
        }
        return ci;
    }

    /** The LUT of one channel, with its window as min and max. */
    static LUT lut(ChannelSettings c) {
        LUT lut;
        if (c.lookupTable().isPresent()) {
            LookupTable table = c.lookupTable().get();
            byte[] r = new byte[256];
            byte[] g = new byte[256];
            byte[] b = new byte[256];
            for (int i = 0; i < 256; i++) {
                int rgb = table.rgb(i);
                r[i] = (byte) (rgb >> 16);
                g[i] = (byte) (rgb >> 8);
                b[i] = (byte) rgb;
            }
            lut = new LUT(r, g, b);
        } else {
            Rgba color = c.color();
            lut = LUT.createLutFromColor(new Color(color.red(), color.green(), color.blue()));
        }
        if (c.reverse()) {
            lut = lut.createInvertedLut();
        }
        lut.min = c.windowStart();
        lut.max = c.windowEnd();
        return lut;
    }
}
