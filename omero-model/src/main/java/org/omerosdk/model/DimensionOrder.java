package org.omerosdk.model;

/**
 * The order in which planes follow one another in a file, fastest first after X and Y (OME's
 * {@code DimensionOrder}). {@link #planeIndex} turns (z, c, t) into the rank of the plane.
 */
public enum DimensionOrder {
    XYZCT, XYZTC, XYCTZ, XYCZT, XYTCZ, XYTZC;

    /** Rank of plane (z, c, t) among {@code sizeZ * sizeC * sizeT} planes stored in this order. */
    public int planeIndex(int z, int c, int t, int sizeZ, int sizeC, int sizeT) {
        String order = name();
        int index = 0;
        int stride = 1;
        for (int i = 2; i < 5; i++) {
            char axis = order.charAt(i);
            int value = axis == 'Z' ? z : axis == 'C' ? c : t;
            int size = axis == 'Z' ? sizeZ : axis == 'C' ? sizeC : sizeT;
            index += value * stride;
            stride *= size;
        }
        return index;
    }

    /**
     * Parses an order such as {@code "XYCZT"} (case-insensitive).
     *
     * @throws ValidationException naming the value and the accepted orders
     */
    public static DimensionOrder parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw new ValidationException("dimension order \"" + text
                    + "\" is unknown; accepted: XYZCT, XYZTC, XYCTZ, XYCZT, XYTCZ, XYTZC");
        }
    }
}
