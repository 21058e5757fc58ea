package org.omerosdk.render;

import org.omerosdk.model.PixelType;
import org.omerosdk.model.core.Rgba;

/**
 * Rendering settings turned into tables for one pixel type: per active channel, the packed colour contribution of
 * every raw value (types of 16 bits or fewer) or of every quantized value (other types). A contribution packs red,
 * green and blue in 10-bit fields ({@code r << 20 | g << 10 | b}), so up to four channels add with one integer add
 * per pixel and no carry; the sum is clamped to 255 per component at the end, which equals OMERO's clamp after
 * each channel because every contribution is non-negative.
 *
 * <p>When no component can exceed 255 whatever the pixel values (the usual case: distinct primary colours, or a
 * single channel), the settings are {@linkplain #direct direct}: the tables then hold final ARGB fields
 * ({@code r << 16 | g << 8 | b}, opaque alpha in the first table) and a pixel is the plain sum of its channels'
 * entries, with no clamp and no unpacking.
 */
final class CompiledSettings {
    final PixelType type;
    final RenderingSettings settings;
    final int[] active;
    final Quantizer[] quantizers;
    /** Colour model: packed contributions per channel. Greyscale: ARGB per value for the first active channel. */
    final int[][] tables;
    final boolean greyscale;
    /** Colour model only: tables hold ARGB fields whose sum never saturates (see the class comment). */
    final boolean direct;

    CompiledSettings(PixelType type, RenderingSettings settings) {
        this.type = type;
        this.settings = settings;
        this.active = settings.activeChannels();
        this.greyscale = settings.model() == RenderingSettings.Model.GREYSCALE;
        int n = greyscale ? Math.min(1, active.length) : active.length;
        quantizers = new Quantizer[n];
        tables = new int[n][];
        for (int i = 0; i < n; i++) {
            ChannelSettings c = settings.channels().get(active[i]);
            Quantizer q = Quantizer.of(type, c, settings);
            quantizers[i] = q;
            int[] values = q.values();
            // bit planes index a 256-entry table too: any non-zero byte counts as 1
            int[] table = new int[Quantizer.usesTable(type) && type != PixelType.BIT ? values.length : 256];
            for (int v = 0; v < table.length; v++) {
                int quantized = !Quantizer.usesTable(type) ? v
                        : type == PixelType.BIT ? values[Math.min(v, 1)] : values[v];
                table[v] = greyscale ? grey(c, quantized) : contribution(c, quantized);
            }
            tables[i] = table;
        }
        direct = !greyscale && n > 0 && cannotSaturate(tables);
        if (direct) {
            for (int i = 0; i < n; i++) {
                int[] t = tables[i];
                for (int v = 0; v < t.length; v++) {
                    int sum = t[v];
                    t[v] = (i == 0 ? 0xFF000000 : 0) | (sum >>> 20 & 0x3FF) << 16 | (sum >>> 10 & 0x3FF) << 8
                            | sum & 0x3FF;
                }
            }
        }
    }

    /** Whether, per component, the largest contributions of all channels together stay within 255. */
    private static boolean cannotSaturate(int[][] tables) {
        int r = 0;
        int g = 0;
        int b = 0;
        for (int[] t : tables) {
            int mr = 0;
            int mg = 0;
            int mb = 0;
            for (int sum : t) {
                mr = Math.max(mr, sum >>> 20 & 0x3FF);
                mg = Math.max(mg, sum >>> 10 & 0x3FF);
                mb = Math.max(mb, sum & 0x3FF);
            }
            r += mr;
            g += mg;
            b += mb;
        }
        return r <= 255 && g <= 255 && b <= 255;
    }

    private static int grey(ChannelSettings c, int q) {
        return c.color().alpha() << 24 | q << 16 | q << 8 | q;
    }

    /** OMERO's per-channel colour arithmetic (a lookup table replaces the colour and ignores alpha). */
    private static int contribution(ChannelSettings c, int q) {
        int r;
        int g;
        int b;
        if (c.lookupTable().isPresent()) {
            int rgb = c.lookupTable().get().rgb(q);
            r = rgb >>> 16 & 0xFF;
            g = rgb >>> 8 & 0xFF;
            b = rgb & 0xFF;
        } else {
            Rgba col = c.color();
            r = (int) ((col.red() / 255.0) * q);
            g = (int) ((col.green() / 255.0) * q);
            b = (int) ((col.blue() / 255.0) * q);
            if (col.alpha() != 255) {
                float a = col.alpha() / 255f;
                r = (int) (r * a);
                g = (int) (g * a);
                b = (int) (b * a);
            }
        }
        return r << 20 | g << 10 | b;
    }

    /** Unpacks a sum of contributions to opaque ARGB, clamping each component at 255. */
    static int pack(int sum) {
        int r = Math.min(sum >>> 20 & 0x3FF, 255);
        int g = Math.min(sum >>> 10 & 0x3FF, 255);
        int b = Math.min(sum & 0x3FF, 255);
        return 0xFF000000 | r << 16 | g << 8 | b;
    }
}
