package org.omerosdk.render;

import org.omerosdk.model.PixelType;

/**
 * A straightforward per-value statement of OMERO's 8/16-bit quantization (semantics: rendering.md 2.2-2.5), written
 * from the formulas and independently of {@link Quantizer}'s table building, for cross-checking.
 */
final class ReferenceQuantizer {
    private ReferenceQuantizer() {
    }

    static int quantize(PixelType type, ChannelSettings c, RenderingSettings s, int x) {
        double[] range = ChannelSettings.typeRange(type);
        double ws = Math.max(c.windowStart(), range[0]);
        double we = Math.min(c.windowEnd(), range[1]);
        double min = Math.floor(Math.max(range[0], c.extentMin()));
        double max = (int) Math.min(range[1], c.extentMax());
        int cdS = s.cdStart();
        int cdE = s.cdEnd();
        double q1 = ws <= min ? ws : min;
        double q9 = we >= max ? we : max;
        double aD;
        double bD;
        if (!c.noiseReduction()) {
            aD = 255 / (we - ws);
            bD = aD * ws;
        } else {
            double decile = (max - min) / 10;
            q1 += decile;
            q9 -= decile;
            double denum = q9 - q1;
            double b = q1;
            if (ws >= q1 && we > q9) {
                denum = q9 - ws;
                b = ws;
            } else if (ws >= q1 && we <= q9) {
                denum = we - ws;
                b = ws;
            } else if (ws < q1 && we <= q9) {
                denum = we - q1;
            }
            aD = 235 / denum;
            bD = aD * b - 10;
            cdS = Math.max(cdS, 10);
            cdE = Math.min(cdE, 245);
        }
        double v;
        if (x < ws) {
            v = cdS;
            return codomain(c, s, cdS);
        } else if (x >= we) {
            return codomain(c, s, cdE);
        } else if (x > q1 && x <= q9) {
            v = aD * x - bD;
        } else if (x > q9) {
            v = cdE;
        } else {
            v = cdS;
        }
        double k = c.coefficient();
        double ys = c.family().transform(0, k);
        double ye = c.family().transform(255, k);
        double aN = s.bitResolution() / (ye - ys);
        double n = aN * (c.family().transform(v, k) - ys);
        if (c.family() == Family.LOGARITHMIC && n < 0) {
            n = 0;
        }
        double r = Math.round(n);
        r = Math.round((s.cdEnd() - s.cdStart()) / (double) s.bitResolution() * r + cdS);
        return codomain(c, s, ((byte) r) & 0xFF);
    }

    private static int codomain(ChannelSettings c, RenderingSettings s, int q) {
        int clamped = Math.max(s.cdStart(), Math.min(s.cdEnd(), q));
        return c.reverse() ? s.cdEnd() - clamped : clamped;
    }
}
