package org.omerosdk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.core.Rgba;

/** OMERO's quantization, value for value: the vectors OMERO's own code produces (semantics: rendering.md 2.x). */
class QuantizerTest {
    private static final Rgba RED = Rgba.of(255, 0, 0);

    private static RenderingSettings settings(ChannelSettings c) {
        return RenderingSettings.of(List.of(c));
    }

    private static Quantizer q(PixelType type, ChannelSettings c) {
        return Quantizer.of(type, c, settings(c));
    }

    private static Quantizer q(PixelType type, ChannelSettings c, RenderingSettings s) {
        return Quantizer.of(type, c, s);
    }

    private static int at(Quantizer q, int raw) {
        return q.quantize(raw);
    }

    @Test
    void operationOrderGivesOmerosRoundingOnSignedData() {
        // aD*x - bD = 127.49999999999999 for int8 window [-50, 50] at 0
        Quantizer q = q(PixelType.INT8, ChannelSettings.of(PixelType.INT8, RED).withWindow(-50, 50));
        assertEquals(127, at(q, 0));
        assertEquals(0, at(q, -50));
        assertEquals(0, at(q, -128));
        assertEquals(255, at(q, 50));
        assertEquals(255, at(q, 127));
    }

    @Test
    void valuesOutsideTheWindowClampToTheCodomainEnds() {
        Quantizer q = q(PixelType.UINT16, ChannelSettings.of(PixelType.UINT16, RED).withWindow(1000, 2000));
        assertEquals(0, at(q, 0));
        assertEquals(0, at(q, 999));
        assertEquals(255, at(q, 2000));
        assertEquals(255, at(q, 65535));
        assertEquals(128, at(q, 1500));
    }

    @Test
    void fractionalWindowComparesIntegerIndicesAgainstTheDoubleWindow() {
        Quantizer q = q(PixelType.UINT8, ChannelSettings.of(PixelType.UINT8, RED).withWindow(10.5, 200.5));
        assertEquals(0, at(q, 10));
        assertEquals(255, at(q, 201));
    }

    @Test
    void startEqualToEndSplitsIntoDarkAndBright() {
        Quantizer q = q(PixelType.UINT8, ChannelSettings.of(PixelType.UINT8, RED).withWindow(100, 100));
        assertEquals(0, at(q, 99));
        assertEquals(255, at(q, 100));
        assertEquals(255, at(q, 200));
    }

    @Test
    void windowStartAtTheGlobalMinimumKeepsOmerosNonMonotonicStep() {
        ChannelSettings c = ChannelSettings.of(PixelType.UINT8, RED);
        RenderingSettings s = settings(c).withCodomain(50, 200);
        Quantizer q = q(PixelType.UINT8, c, s);
        assertEquals(79, at(q, 0));
        assertEquals(51, at(q, 1));
    }

    @Test
    void noiseReductionMatchesOmeroIncludingTheTopValue() {
        Quantizer q = q(PixelType.UINT8, ChannelSettings.of(PixelType.UINT8, RED).withNoiseReduction(true));
        for (int x = 0; x <= 25; x++) {
            assertEquals(20, at(q, x), "x=" + x);
        }
        assertEquals(21, at(q, 26));
        assertEquals(138, at(q, 128));
        for (int x = 230; x <= 254; x++) {
            assertEquals(255, at(q, x), "x=" + x);
        }
        assertEquals(245, at(q, 255));
    }

    @Test
    void exponentialFamilyLightsOnlyTheTop() {
        Quantizer q = q(PixelType.UINT8, ChannelSettings.of(PixelType.UINT8, RED)
                .withFamily(Family.EXPONENTIAL, 1.0));
        assertEquals(94, at(q, 254));
        assertEquals(35, at(q, 253));
        assertEquals(2, at(q, 250));
        assertEquals(0, at(q, 100));
    }

    @Test
    void logarithmicFamilyNoLongerWrapsSmallValuesToBrightOnes() {
        // OMERO: x=1 -> 128 and x=10 -> 234 through (byte) wrap-around; fixed here to the dark end
        Quantizer q = q(PixelType.UINT16, ChannelSettings.of(PixelType.UINT16, RED)
                .withWindow(0, 4095).withFamily(Family.LOGARITHMIC, 1.0));
        assertEquals(0, at(q, 1));
        assertEquals(0, at(q, 10));
        assertEquals(0, at(q, 16));
        assertEquals(64, at(q, 64));
        assertEquals(255, at(q, 4095));
    }

    @Test
    void polynomialCurveFollowsXToTheK() {
        Quantizer q = q(PixelType.UINT8, ChannelSettings.of(PixelType.UINT8, RED).withFamily(Family.POLYNOMIAL, 2));
        // 255 * (128^2 / 255^2) = 64.25
        assertEquals(64, at(q, 128));
        assertEquals(255, at(q, 255));
    }

    @Test
    void reverseIntensityIsCdEndMinusQNotAMirror() {
        ChannelSettings c = ChannelSettings.of(PixelType.UINT8, RED).withReverse(true);
        assertEquals(255, at(q(PixelType.UINT8, c), 0));
        assertEquals(0, at(q(PixelType.UINT8, c), 255));
        RenderingSettings narrow = settings(c).withCodomain(50, 200);
        Quantizer q = q(PixelType.UINT8, c, narrow);
        Quantizer plain = q(PixelType.UINT8, c.withReverse(false), narrow);
        for (int x = 0; x < 256; x++) {
            assertEquals(200 - Math.max(50, Math.min(200, at(plain, x))), at(q, x));
        }
    }

    @Test
    void floatWindowUsesBinCentresAsOmeroDoes() {
        ChannelSettings c = ChannelSettings.of(PixelType.FLOAT, RED).withWindow(0, 1);
        Quantizer q = q(PixelType.FLOAT, c);
        assertEquals(127, q.quantizeBinned(0.5));
        assertEquals(255, q.quantizeBinned(1.0));
        assertEquals(254, q.quantizeBinned(0.998));
        assertEquals(255, q.quantizeBinned(7.0));
        assertEquals(0, q.quantizeBinned(-3.0));
        assertEquals(254, Quantizer.of(PixelType.FLOAT, c.withFamily(Family.POLYNOMIAL, 2),
                settings(c.withFamily(Family.POLYNOMIAL, 2))).quantizeBinned(1.0));
    }

    @Test
    void floatBinsFollowTheCodomain() {
        ChannelSettings c = ChannelSettings.of(PixelType.FLOAT, RED).withWindow(0, 1);
        Quantizer q = Quantizer.of(PixelType.FLOAT, c, settings(c).withCodomain(50, 200));
        assertEquals(51, q.quantizeBinned(0.0));
        assertEquals(199, q.quantizeBinned(1.0));
    }

    @Test
    void floatWindowOfZeroWidthRendersBlackAsInOmero() {
        ChannelSettings c = ChannelSettings.of(PixelType.DOUBLE, RED).withWindow(3, 3);
        Quantizer q = q(PixelType.DOUBLE, c);
        for (double v : new double[] {-1, 3, 3.5, 100}) {
            assertEquals(0, q.quantizeBinned(v), "v=" + v);
        }
    }

    @Test
    void invalidWindowsFallBackToTheTypeRange() {
        // width 310 > 256 on uint8: OMERO resets the window to [0, 255]
        Quantizer q = q(PixelType.UINT8, ChannelSettings.of(PixelType.UINT8, RED).withWindow(-10, 300));
        Quantizer full = q(PixelType.UINT8, ChannelSettings.of(PixelType.UINT8, RED));
        for (int x = 0; x < 256; x++) {
            assertEquals(at(full, x), at(q, x));
        }
        // above the type range: OMERO fails with an index error; here the top of the range
        Quantizer above = q(PixelType.UINT8, ChannelSettings.of(PixelType.UINT8, RED).withWindow(300, 400));
        assertEquals(0, at(above, 254));
        assertEquals(255, at(above, 255));
    }

    @Test
    void withNoiseReductionOffEveryFamilyIsMonotonicAndClampsOutsideTheWindow() {
        for (PixelType type : List.of(PixelType.UINT8, PixelType.INT8, PixelType.UINT16, PixelType.INT16)) {
            double[] r = ChannelSettings.typeRange(type);
            for (Family f : Family.values()) {
                for (double k : new double[] {0.5, 1, 1.1}) {
                    double ws = r[0] + (r[1] - r[0]) * 0.2;
                    double we = r[0] + (r[1] - r[0]) * 0.7;
                    ChannelSettings c = ChannelSettings.of(type, RED).withWindow(ws, we).withFamily(f, k)
                            .withExtent(ws, we);
                    Quantizer q = q(type, c);
                    int previous = -1;
                    for (int x = (int) r[0]; x <= (int) r[1]; x++) {
                        int v = at(q, x);
                        assertTrue(v >= previous, type + " " + f + " k=" + k + " x=" + x + ": " + v + " < "
                                + previous);
                        previous = v;
                        if (x < ws) {
                            assertEquals(0, v);
                        }
                        if (x >= we) {
                            assertEquals(255, v);
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyValueOfEveryIntegerTypeMatchesAnIndependentReference() {
        for (PixelType type : List.of(PixelType.UINT8, PixelType.INT8, PixelType.UINT16, PixelType.INT16,
                PixelType.BIT)) {
            double[] r = ChannelSettings.typeRange(type);
            for (Family f : Family.values()) {
                for (boolean nr : new boolean[] {false, true}) {
                    double ws = r[0] + (r[1] - r[0]) * 0.1;
                    double we = r[0] + (r[1] - r[0]) * 0.8;
                    ChannelSettings c = ChannelSettings.of(type, RED).withWindow(ws, we).withFamily(f, 0.8)
                            .withNoiseReduction(nr);
                    RenderingSettings s = settings(c).withCodomain(5, 250);
                    Quantizer q = q(type, c, s);
                    for (int x = (int) r[0]; x <= (int) r[1]; x++) {
                        assertEquals(ReferenceQuantizer.quantize(type, c, s, x), at(q, x),
                                type + " " + f + " nr=" + nr + " x=" + x);
                    }
                }
            }
        }
    }
}
