package org.omerosdk.importer.format.omexml;

import java.util.Locale;
import java.util.Optional;
import org.omerosdk.model.units.Length;
import org.omerosdk.model.units.UnitsLength;
import org.omerosdk.model.units.UnitsTime;

/** Unit names as OME-XML, ImageJ and the TIFF readers' sources write them; shared by the readers, not an API. */
public final class UnitNames {
    private UnitNames() {
    }

    /** A length unit from its OME symbol or an ImageJ name ({@code micron}, {@code \u005Cu00B5m}, {@code um}). */
    public static Optional<UnitsLength> length(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim().replace("\\u00B5", "µ").replace("\\u00b5", "µ").replace('\u03BC', 'µ');
        switch (s.toLowerCase(Locale.ROOT)) {
            case "µm": case "um": case "micron": case "microns": case "micrometer": case "micrometre":
                return Optional.of(UnitsLength.MICROMETER);
            case "nm": case "nanometer": return Optional.of(UnitsLength.NANOMETER);
            case "mm": case "millimeter": return Optional.of(UnitsLength.MILLIMETER);
            case "cm": case "centimeter": return Optional.of(UnitsLength.CENTIMETER);
            case "m": case "meter": return Optional.of(UnitsLength.METER);
            case "km": return Optional.of(UnitsLength.KILOMETER);
            case "pm": return Optional.of(UnitsLength.PICOMETER);
            case "å": case "angstrom": return Optional.of(UnitsLength.ANGSTROM);
            case "in": case "inch": return Optional.of(UnitsLength.INCH);
            default: return Optional.empty();
        }
    }

    public static Optional<UnitsTime> time(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim().replace("\\u00B5", "µ").replace("\\u00b5", "µ");
        switch (s.toLowerCase(Locale.ROOT)) {
            case "s": case "sec": case "second": case "seconds": return Optional.of(UnitsTime.SECOND);
            case "ms": case "msec": return Optional.of(UnitsTime.MILLISECOND);
            case "µs": case "us": return Optional.of(UnitsTime.MICROSECOND);
            case "ns": return Optional.of(UnitsTime.NANOSECOND);
            case "min": case "minute": case "minutes": return Optional.of(UnitsTime.MINUTE);
            case "h": case "hr": case "hour": case "hours": return Optional.of(UnitsTime.HOUR);
            default: return Optional.empty();
        }
    }

    /** A length, or null when the value is not a positive finite number. */
    public static Length lengthOrNull(double value, UnitsLength unit) {
        return value > 0 && Double.isFinite(value) ? Length.of(value, unit) : null;
    }
}
