package org.omerosdk.model.units;

import java.util.Optional;

/** OMERO's electric potential units (the {@code UnitsElectricPotential} enumeration, the ones microscopes report) with their symbols. */
public enum UnitsElectricPotential {
    KILOVOLT("kV"), VOLT("V"), MILLIVOLT("mV"), MICROVOLT("µV");

    private final String symbol;

    UnitsElectricPotential(String symbol) {
        this.symbol = symbol;
    }

    /** The symbol OMERO shows and OME-XML writes, e.g. {@code V}. */
    public String symbol() {
        return symbol;
    }

    /** The unit whose symbol (or enumeration name) is {@code text}; empty for any other text. */
    public static Optional<UnitsElectricPotential> bySymbol(String text) {
        for (UnitsElectricPotential u : values()) {
            if (u.symbol.equals(text) || u.name().equals(text)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }
}
