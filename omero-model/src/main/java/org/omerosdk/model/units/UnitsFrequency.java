package org.omerosdk.model.units;

import java.util.Optional;

/** OMERO's frequency units (the {@code UnitsFrequency} enumeration, the ones microscopes report) with their symbols. */
public enum UnitsFrequency {
    GIGAHERTZ("GHz"), MEGAHERTZ("MHz"), KILOHERTZ("kHz"), HERTZ("Hz"), MILLIHERTZ("mHz");

    private final String symbol;

    UnitsFrequency(String symbol) {
        this.symbol = symbol;
    }

    /** The symbol OMERO shows and OME-XML writes, e.g. {@code MHz}. */
    public String symbol() {
        return symbol;
    }

    /** The unit whose symbol (or enumeration name) is {@code text}; empty for any other text. */
    public static Optional<UnitsFrequency> bySymbol(String text) {
        for (UnitsFrequency u : values()) {
            if (u.symbol.equals(text) || u.name().equals(text)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }
}
