package org.omerosdk.model.units;

import java.util.Optional;

/** OMERO's power units (the {@code UnitsPower} enumeration, the ones microscopes report) with their symbols. */
public enum UnitsPower {
    KILOWATT("kW"), WATT("W"), MILLIWATT("mW"), MICROWATT("µW"), NANOWATT("nW");

    private final String symbol;

    UnitsPower(String symbol) {
        this.symbol = symbol;
    }

    /** The symbol OMERO shows and OME-XML writes, e.g. {@code W}. */
    public String symbol() {
        return symbol;
    }

    /** The unit whose symbol (or enumeration name) is {@code text}; empty for any other text. */
    public static Optional<UnitsPower> bySymbol(String text) {
        for (UnitsPower u : values()) {
            if (u.symbol.equals(text) || u.name().equals(text)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }
}
