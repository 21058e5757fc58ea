package org.omerosdk.importer.format;

import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.core.Rgba;
import org.omerosdk.model.units.Length;

/**
 * What a file says about one channel: its name, display colour, excitation and emission wavelengths, and a lookup
 * table when it has one. Every part may be unknown.
 */
public record ChannelMetadata(Optional<String> name, Optional<Rgba> color, Optional<Length> excitationWavelength,
                              Optional<Length> emissionWavelength, Optional<ColorTable> lookupTable) {
    public ChannelMetadata {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(excitationWavelength, "excitationWavelength");
        Objects.requireNonNull(emissionWavelength, "emissionWavelength");
        Objects.requireNonNull(lookupTable, "lookupTable");
    }

    /** A channel the file says nothing about. */
    public static ChannelMetadata unnamed() {
        return new ChannelMetadata(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** A channel with only a name. */
    public static ChannelMetadata named(String name) {
        return unnamed().withName(name);
    }

    public ChannelMetadata withName(String n) {
        return new ChannelMetadata(Optional.ofNullable(n), color, excitationWavelength, emissionWavelength,
                lookupTable);
    }

    public ChannelMetadata withColor(Rgba c) {
        return new ChannelMetadata(name, Optional.ofNullable(c), excitationWavelength, emissionWavelength,
                lookupTable);
    }

    public ChannelMetadata withWavelengths(Length excitation, Length emission) {
        return new ChannelMetadata(name, color, Optional.ofNullable(excitation), Optional.ofNullable(emission),
                lookupTable);
    }

    public ChannelMetadata withLookupTable(ColorTable t) {
        return new ChannelMetadata(name, color, excitationWavelength, emissionWavelength, Optional.ofNullable(t));
    }
}
