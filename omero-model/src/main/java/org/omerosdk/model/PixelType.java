package org.omerosdk.model;

import java.util.Locale;

/**
 * OMERO's pixel types, with their OMERO names ({@code "uint16"}, {@code "float"}, ...).
 *
 * <p>In memory every type is stored in the smallest Java primitive that holds it: {@code bit} as one byte per
 * pixel holding 0 or 1 (files pack it 8 to a byte; readers unpack it), the unsigned types in the signed
 * primitive of the same width (read them with {@code & 0xFF}, {@code & 0xFFFF}, {@code & 0xFFFFFFFFL}).
 */
public enum PixelType {
    INT8("int8", 1, 8, true, false, -128, 127),
    UINT8("uint8", 1, 8, false, false, 0, 255),
    INT16("int16", 2, 16, true, false, -32768, 32767),
    UINT16("uint16", 2, 16, false, false, 0, 65535),
    INT32("int32", 4, 32, true, false, Integer.MIN_VALUE, Integer.MAX_VALUE),
    UINT32("uint32", 4, 32, false, false, 0, 4294967295.0),
    FLOAT("float", 4, 32, true, true, -Float.MAX_VALUE, Float.MAX_VALUE),
    DOUBLE("double", 8, 64, true, true, -Double.MAX_VALUE, Double.MAX_VALUE),
    BIT("bit", 1, 1, false, false, 0, 1);

    private final String omeroName;
    private final int bytesPerPixel;
    private final int bitSize;
    private final boolean signed;
    private final boolean floatingPoint;
    private final double min;
    private final double max;

    PixelType(String omeroName, int bytesPerPixel, int bitSize, boolean signed, boolean floatingPoint,
              double min, double max) {
        this.omeroName = omeroName;
        this.bytesPerPixel = bytesPerPixel;
        this.bitSize = bitSize;
        this.signed = signed;
        this.floatingPoint = floatingPoint;
        this.min = min;
        this.max = max;
    }

    /** The name OMERO uses in its database and API, e.g. {@code "uint16"}. */
    public String omeroName() {
        return omeroName;
    }

    /** Bytes one pixel takes in memory (1 for {@code bit}, which is unpacked in memory). */
    public int bytesPerPixel() {
        return bytesPerPixel;
    }

    /** Significant bits of the type as OMERO reports them (1 for {@code bit}). */
    public int bitSize() {
        return bitSize;
    }

    public boolean isSigned() {
        return signed;
    }

    public boolean isFloatingPoint() {
        return floatingPoint;
    }

    /** Smallest value the type can hold. */
    public double min() {
        return min;
    }

    /** Largest value the type can hold. */
    public double max() {
        return max;
    }

    /**
     * Parses OMERO's name (case-insensitive; {@code "float32"}/{@code "float64"} accepted as aliases).
     *
     * @throws ValidationException naming the value and the accepted names
     */
    public static PixelType fromOmeroName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case "float32": return FLOAT;
            case "float64": return DOUBLE;
            default:
                for (PixelType t : values()) {
                    if (t.omeroName.equals(n)) {
                        return t;
                    }
                }
        }
        throw new ValidationException("pixel type \"" + name + "\" is unknown; accepted: "
                + "int8, uint8, int16, uint16, int32, uint32, float, double, bit");
    }

    @Override
    public String toString() {
        return omeroName;
    }
}
