package org.omerosdk.render;

import java.util.Locale;
import org.omerosdk.model.ValidationException;

/** OMERO's quantum families: the curve that maps the window onto the 0..255 display range. */
public enum Family {
    /** y = x (the coefficient is forced to 1, as in OMERO). */
    LINEAR,
    /** y = x^k. */
    POLYNOMIAL,
    /** y = ln(x); the coefficient is ignored, as in OMERO. */
    LOGARITHMIC,
    /** y = exp(x^k). */
    EXPONENTIAL;

    /** OMERO's name, e.g. {@code "linear"}. */
    public String omeroName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws ValidationException naming the text and the accepted names */
    public static Family parse(String name) {
        for (Family f : values()) {
            if (f.omeroName().equalsIgnoreCase(name.trim())) {
                return f;
            }
        }
        throw new ValidationException("quantum family \"" + name
                + "\" is unknown; accepted: linear, polynomial, logarithmic, exponential");
    }

    /** The family's value map T(x, k). */
    double transform(double x, double k) {
        switch (this) {
            case LINEAR:
            case POLYNOMIAL:
                return Math.pow(x, k);
            case LOGARITHMIC:
                return Math.log(x <= 0 ? 1 : x);
            default:
                return Math.exp(Math.pow(x, k));
        }
    }
}
