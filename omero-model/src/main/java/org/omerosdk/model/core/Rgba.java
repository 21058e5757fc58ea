package org.omerosdk.model.core;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.omerosdk.model.ValidationException;

/** A colour with alpha, each component 0..255, stored as OMERO's four columns red, green, blue, alpha. */
@Embeddable
public record Rgba(@Column(name = "red") int red, @Column(name = "green") int green,
                   @Column(name = "blue") int blue, @Column(name = "alpha") int alpha) {
    /** @throws ValidationException for a component outside 0..255 */
    public Rgba {
        for (int v : new int[] {red, green, blue, alpha}) {
            if (v < 0 || v > 255) {
                throw new ValidationException("colour component " + v + " in (" + red + ", " + green + ", "
                        + blue + ", " + alpha + ") is outside 0..255");
            }
        }
    }

    /** Opaque colour. */
    public static Rgba of(int red, int green, int blue) {
        return new Rgba(red, green, blue, 255);
    }

    /** Packed as 0xRRGGBBAA, OMERO's integer form of a colour. */
    public int packed() {
        return red << 24 | green << 16 | blue << 8 | alpha;
    }
}
