package org.omerosdk.render;

import org.omerosdk.model.PixelType;

/**
 * OMERO's quantization of one channel, value for value: pixel value to 0..255, then the codomain chain (clamp to
 * {@code [cdStart, cdEnd]}, reverse intensity). Built once per settings change; thread-safe once built.
 *
 * <p>Integer types of 16 bits or fewer use a table over the whole type range (OMERO's {@code Quantization_8_16_bit});
 * 32-bit integers and floating types evaluate the window at the centre of one of {@code cdEnd - cdStart + 1} bins
 * (OMERO's {@code Quantization_float}), so their results are also a small table, indexed by bin.
 *
 * <p>One OMERO defect is fixed, not copied: with the logarithmic family a normalised value below 0 (window values
 * close to the start) is clamped to 0 instead of wrapping through {@code (byte)} to a bright value.
 */
final class Quantizer {
    private static final double MAX = 255;
    private static final int DECILE = 10;

    private final int typeMin;
    /** For table quantizers: q per raw value - typeMin. For binned: q per bin (see {@link #bin}). */
    private final int[] values;
    private final double ws;
    private final double we;
    private final double step;
    /** Binned quantizers: the value exactly at the window start (OMERO evaluates it at start + step / 2). */
    private final int startValue;

    private Quantizer(int typeMin, int[] values, double ws, double we, double step, int startValue) {
        this.typeMin = typeMin;
        this.values = values;
        this.ws = ws;
        this.we = we;
        this.step = step;
        this.startValue = startValue;
    }

    /** Whether {@code type} is quantized through a full-range table. */
    static boolean usesTable(PixelType type) {
        return type.bytesPerPixel() <= 2 && !type.isFloatingPoint();
    }

    static Quantizer of(PixelType type, ChannelSettings c, RenderingSettings s) {
        double[] range = ChannelSettings.typeRange(type);
        double tMin = range[0];
        double tMax = range[1];
        // setExtent: infinite or out-of-range ends are clamped; an invalid interval becomes the type range
        double gMin = clampToRange(c.extentMin(), tMin, tMax);
        double gMax = clampToRange(c.extentMax(), tMin, tMax);
        if (!valid(type, gMin, gMax)) {
            gMin = tMin;
            gMax = tMax;
        }
        // setWindow: an invalid interval becomes the type range; else the ends are clamped into it
        double start = c.windowStart();
        double end = c.windowEnd();
        if (!valid(type, start, end)) {
            start = tMin;
            end = tMax;
        } else {
            start = Math.max(start, tMin);
            end = Math.min(end, tMax);
            // OMERO fails here with an index error (window above the type range); we show the top of the range
            start = Math.min(start, end);
        }
        return usesTable(type) ? table(type, c, s, (int) tMin, (int) tMax, gMin, gMax, start, end)
                : binned(c, s, start, end);
    }

    private static double clampToRange(double v, double min, double max) {
        if (Double.isNaN(v)) {
            return min;
        }
        return Math.max(min, Math.min(max, v));
    }

    /** OMERO's verifyInterval: min <= max, and narrower than the type's value count for integer types. */
    private static boolean valid(PixelType type, double min, double max) {
        if (!(min <= max)) {
            return false;
        }
        if (type.isFloatingPoint()) {
            return true;
        }
        double count = type.bitSize() <= 8 ? 256 : type.bitSize() <= 16 ? 65536 : 4294967296.0;
        return max - min < count;
    }

    private static Quantizer table(PixelType type, ChannelSettings c, RenderingSettings s, int lutMin, int lutMax,
                                   double gMin, double gMax, double dStart, double dEnd) {
        Mapping m = new Mapping(c, s, (int) Math.floor(gMin), (int) gMax, dStart, dEnd);
        int[] lut = new int[lutMax - lutMin + 1];
        int x = lutMin;
        for (; x < dStart; ++x) {
            lut[x - lutMin] = m.codomain(m.cdStartEff);
        }
        boolean transform = !(c.family() == Family.LINEAR || c.family() == Family.POLYNOMIAL)
                || c.coefficient() != 1.0;
        for (; x < dEnd; ++x) {
            double v;
            if (x > m.q1) {
                v = x <= m.q9 ? m.aDecile * x - m.bDecile : m.cdEndEff;
            } else {
                v = m.cdStartEff;
            }
            lut[x - lutMin] = m.codomain(m.finish(v, transform));
        }
        for (; x <= lutMax; ++x) {
            lut[x - lutMin] = m.codomain(m.cdEndEff);
        }
        return new Quantizer(lutMin, lut, dStart, dEnd, 0, 0);
    }

    private static Quantizer binned(ChannelSettings c, RenderingSettings s, double dStart, double dEnd) {
        // OMERO's float strategy never sets its min and max: both stay 0 (kept for identical results)
        Mapping m = new Mapping(c, s, 0, 0, dStart, dEnd);
        int bins = s.cdEnd() - s.cdStart() + 1;
        double step = Math.abs(dEnd - dStart) / bins;
        // index 0: below or at the start; 1..bins+1: bin centres; bins+2: above the end
        int[] values = new int[bins + 3];
        for (int i = 0; i < values.length; i++) {
            double mid;
            if (i == 0) {
                mid = dStart;
            } else if (i == values.length - 1) {
                mid = dEnd;
            } else {
                int v = i - 1;
                mid = (dStart + (v - 1) * step + dStart + v * step) / 2;
            }
            values[i] = m.codomain(m.finish(m.decile(mid), true));
        }
        // value == start is evaluated at start + step/2
        int atStart = m.codomain(m.finish(m.decile(dStart + step / 2), true));
        return new Quantizer(0, values, dStart, dEnd, step, atStart);
    }

    /** The quantized 0..255 value of a raw integer value (types of 16 bits or fewer). */
    int quantize(int raw) {
        return values[raw - typeMin];
    }

    /** Which entry of the binned table {@code value} uses; -1 for exactly the window start. */
    private int bin(double value) {
        if (value < ws) {
            return 0;
        }
        if (value > we) {
            return values.length - 1;
        }
        if (value == ws) {
            return -1;
        }
        return 1 + (int) ((value - ws) / step);
    }

    /** The table for 8/16-bit types, indexed by raw value - typeMin; for binned types, indexed by bin. */
    int[] values() {
        return values;
    }

    /** Quantized value of one value of a binned quantizer, with OMERO's special case at the window start. */
    int quantizeBinned(double value) {
        int b = bin(value);
        return b < 0 ? startValue : values[Math.min(b, values.length - 1)];
    }

    /** The parameters of OMERO's composite map for one channel. */
    private static final class Mapping {
        final double aNormalized;
        final double ysNormalized;
        final double aDecile;
        final double bDecile;
        final double q1;
        final double q9;
        final int cdStartEff;
        final int cdEndEff;
        final double a1;
        final int cdStart;
        final int cdEnd;
        final boolean reverse;
        final Family family;
        final double k;

        Mapping(ChannelSettings c, RenderingSettings s, int min, int max, double dStart, double dEnd) {
            family = c.family();
            k = c.coefficient();
            reverse = c.reverse();
            cdStart = s.cdStart();
            cdEnd = s.cdEnd();
            ysNormalized = family.transform(0, k);
            double ye = family.transform(MAX, k);
            aNormalized = s.bitResolution() / (ye - ysNormalized);
            int cs = s.cdStart();
            int ce = s.cdEnd();
            double denum = dEnd - dStart;
            double num = MAX;
            double b = dStart;
            int e = 0;
            double startMin = min;
            double startMax = max;
            double lo = min;
            double hi = max;
            if (dStart <= startMin) {
                lo = dStart;
            }
            if (dEnd >= startMax) {
                hi = dEnd;
            }
            double decile = (startMax - startMin) / DECILE;
            if (c.noiseReduction()) {
                lo += decile;
                hi -= decile;
                denum = hi - lo;
                e = DECILE;
                num = MAX - 2 * DECILE;
                b = lo;
                if (dStart >= lo && dEnd > hi) {
                    denum = hi - dStart;
                    b = dStart;
                } else if (dStart >= lo && dEnd <= hi) {
                    denum = dEnd - dStart;
                    b = dStart;
                } else if (dStart < lo && dEnd <= hi) {
                    denum = dEnd - lo;
                }
                cs = Math.max(cs, DECILE);
                ce = Math.min(ce, (int) MAX - DECILE);
            }
            q1 = lo;
            q9 = hi;
            aDecile = num / denum;
            bDecile = aDecile * b - e;
            cdStartEff = cs;
            cdEndEff = ce;
            a1 = (s.cdEnd() - s.cdStart()) / (double) s.bitResolution();
        }

        /** The decile map of the float strategy: value to the 0..255 intermediate. */
        double decile(double x) {
            if (x > q1) {
                return x <= q9 ? aDecile * x - bDecile : cdEndEff;
            }
            return cdStartEff;
        }

        /** Normalised map, rounding, codomain scaling and OMERO's final narrowing to a byte. */
        int finish(double v, boolean transform) {
            double n = transform ? aNormalized * (family.transform(v, k) - ysNormalized)
                    : aNormalized * (v - ysNormalized);
            if (family == Family.LOGARITHMIC && n < 0) {
                n = 0; // OMERO wraps these to bright values through (byte); a dark value is meant
            }
            double r = Math.round(n);
            r = Math.round(a1 * r + cdStartEff);
            return ((byte) r) & 0xFF;
        }

        /** The codomain chain: clamp to [cdStart, cdEnd], then reverse intensity when asked. */
        int codomain(int q) {
            int clamped = Math.max(cdStart, Math.min(cdEnd, q));
            return reverse ? cdEnd - clamped : clamped;
        }
    }
}
