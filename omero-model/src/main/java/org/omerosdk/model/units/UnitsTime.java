package org.omerosdk.model.units;

/** OMERO's time units (the {@code UnitsTime} enumeration) with their symbols and their size in seconds. */
public enum UnitsTime {
    HOUR("h", 3600), MINUTE("min", 60), SECOND("s", 1), MILLISECOND("ms", 1e-3), MICROSECOND("µs", 1e-6),
    NANOSECOND("ns", 1e-9);

    private final String symbol;
    private final double seconds;

    UnitsTime(String symbol, double seconds) {
        this.symbol = symbol;
        this.seconds = seconds;
    }

    public String symbol() {
        return symbol;
    }

    double seconds() {
        return seconds;
    }
}
