package org.omerosdk.model.units;

import java.util.Optional;

/** OMERO's temperature units (the {@code UnitsTemperature} enumeration, the ones microscopes report) with their symbols. */
public enum UnitsTemperature {
    CELSIUS("°C"), FAHRENHEIT("°F"), KELVIN("K"), RANKINE("°R");

    private final String symbol;

    UnitsTemperature(String symbol) {
        this.symbol = symbol;
    }

    /** The symbol OMERO shows and OME-XML writes, e.g. {@code °F}. */
    public String symbol() {
        return symbol;
    }

    /** The unit whose symbol (or enumeration name) is {@code text}; empty for any other text. */
    public static Optional<UnitsTemperature> bySymbol(String text) {
        for (UnitsTemperature u : values()) {
            if (u.symbol.equals(text) || u.name().equals(text)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }
}
