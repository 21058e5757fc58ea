package org.omerosdk.render;

import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.core.Rgba;

/**
 * How one channel is displayed (OMERO's ChannelBinding, plus the channel's global extent from its statistics).
 * Immutable; change a value with the {@code with...} methods.
 *
 * @param active         whether the channel is drawn
 * @param windowStart    the input value shown as the darkest
 * @param windowEnd      the input value shown as the brightest
 * @param family         the curve from the window to the display range
 * @param coefficient    the curve's k (must be positive; forced to 1 for {@link Family#LINEAR})
 * @param noiseReduction OMERO's noise reduction (clips the lowest and highest decile of the extent)
 * @param color          the channel's colour, used when there is no lookup table
 * @param lookupTable    replaces {@code color} when present
 * @param reverse        inverted intensities (OMERO's reverse-intensity codomain map)
 * @param extentMin      the channel's global minimum (OMERO's StatsInfo), or the pixel type's minimum
 * @param extentMax      the channel's global maximum, or the pixel type's maximum
 */
public record ChannelSettings(boolean active, double windowStart, double windowEnd, Family family,
                              double coefficient, boolean noiseReduction, Rgba color,
                              Optional<LookupTable> lookupTable, boolean reverse, double extentMin,
                              double extentMax) {
    public ChannelSettings {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(lookupTable, "lookupTable");
        if (!(coefficient > 0) || Double.isInfinite(coefficient)) {
            throw new ValidationException("coefficient " + coefficient + " of the " + family.omeroName()
                    + " family must be a positive number");
        }
        if (Double.isNaN(windowStart) || Double.isNaN(windowEnd)) {
            throw new ValidationException("window [" + windowStart + ", " + windowEnd + "] is not a number");
        }
        if (family == Family.LINEAR) {
            coefficient = 1.0;
        }
    }

    /** An active channel of {@code type} in {@code color}, its window and extent the type's range, linear. */
    public static ChannelSettings of(PixelType type, Rgba color) {
        double[] range = typeRange(type);
        return new ChannelSettings(true, range[0], range[1], Family.LINEAR, 1.0, false, color, Optional.empty(),
                false, range[0], range[1]);
    }

    /**
     * The range OMERO quantizes a type over: the integer types' range, and Integer's range for float and double
     * (Bio-Formats' default min/max).
     */
    public static double[] typeRange(PixelType type) {
        if (type.isFloatingPoint()) {
            return new double[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
        }
        return new double[] {type.min(), type.max()};
    }

    public ChannelSettings withActive(boolean a) {
        return new ChannelSettings(a, windowStart, windowEnd, family, coefficient, noiseReduction, color,
                lookupTable, reverse, extentMin, extentMax);
    }

    public ChannelSettings withWindow(double start, double end) {
        return new ChannelSettings(active, start, end, family, coefficient, noiseReduction, color, lookupTable,
                reverse, extentMin, extentMax);
    }

    public ChannelSettings withFamily(Family f, double k) {
        return new ChannelSettings(active, windowStart, windowEnd, f, k, noiseReduction, color, lookupTable,
                reverse, extentMin, extentMax);
    }

    public ChannelSettings withNoiseReduction(boolean nr) {
        return new ChannelSettings(active, windowStart, windowEnd, family, coefficient, nr, color, lookupTable,
                reverse, extentMin, extentMax);
    }

    public ChannelSettings withColor(Rgba c) {
        return new ChannelSettings(active, windowStart, windowEnd, family, coefficient, noiseReduction, c,
                Optional.empty(), reverse, extentMin, extentMax);
    }

    public ChannelSettings withLookupTable(LookupTable lut) {
        return new ChannelSettings(active, windowStart, windowEnd, family, coefficient, noiseReduction, color,
                Optional.of(lut), reverse, extentMin, extentMax);
    }

    public ChannelSettings withReverse(boolean r) {
        return new ChannelSettings(active, windowStart, windowEnd, family, coefficient, noiseReduction, color,
                lookupTable, r, extentMin, extentMax);
    }

    public ChannelSettings withExtent(double min, double max) {
        return new ChannelSettings(active, windowStart, windowEnd, family, coefficient, noiseReduction, color,
                lookupTable, reverse, min, max);
    }
}
