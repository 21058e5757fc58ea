package org.omerosdk.model.units;

/** OMERO's length units (the {@code UnitsLength} enumeration) with their symbols and their size in metres. */
public enum UnitsLength {
    KILOMETER("km", 1e3), METER("m", 1), CENTIMETER("cm", 1e-2), MILLIMETER("mm", 1e-3),
    MICROMETER("µm", 1e-6), NANOMETER("nm", 1e-9), PICOMETER("pm", 1e-12), ANGSTROM("Å", 1e-10),
    INCH("in", 0.0254), PIXEL("pixel", Double.NaN), REFERENCEFRAME("reference frame", Double.NaN);

    private final String symbol;
    private final double metres;

    UnitsLength(String symbol, double metres) {
        this.symbol = symbol;
        this.metres = metres;
    }

    /** The symbol OMERO shows, e.g. {@code µm}. */
    public String symbol() {
        return symbol;
    }

    /** Whether this unit has a physical size (pixels and reference frames do not and cannot be converted). */
    public boolean isPhysical() {
        return !Double.isNaN(metres);
    }

    double metres() {
        return metres;
    }
}
