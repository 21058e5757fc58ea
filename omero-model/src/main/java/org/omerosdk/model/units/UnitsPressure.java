package org.omerosdk.model.units;

import java.util.Optional;

/** OMERO's pressure units (the {@code UnitsPressure} enumeration, the ones microscopes report) with their symbols. */
public enum UnitsPressure {
    MEGAPASCAL("MPa"), KILOPASCAL("kPa"), HECTOPASCAL("hPa"), PASCAL("Pa"), BAR("bar"), MILLIBAR("mbar"), ATMOSPHERE("atm"), PSI("psi"), TORR("Torr"), MILLITORR("mTorr"), MMHG("mm Hg");

    private final String symbol;

    UnitsPressure(String symbol) {
        this.symbol = symbol;
    }

    /** The symbol OMERO shows and OME-XML writes, e.g. {@code kPa}. */
    public String symbol() {
        return symbol;
    }

    /** The unit whose symbol (or enumeration name) is {@code text}; empty for any other text. */
    public static Optional<UnitsPressure> bySymbol(String text) {
        for (UnitsPressure u : values()) {
            if (u.symbol.equals(text) || u.name().equals(text)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }
}
