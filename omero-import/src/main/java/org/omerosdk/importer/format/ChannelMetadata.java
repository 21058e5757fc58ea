package org.omerosdk.importer.format;

import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.core.Rgba;
import org.omerosdk.model.units.Length;

/**
 * What a file says about one channel: its name, display colour, excitation and emission wavelengths, a lookup
 * table when it has one, and how its detector and light source were set. Every part may be unknown.
 */
public record ChannelMetadata(Optional<String> name, Optional<Rgba> color, Optional<Length> excitationWavelength,
                              Optional<Length> emissionWavelength, Optional<ColorTable> lookupTable,
                              Optional<AcquisitionMetadata.DetectorSettings> detectorSettings,
                              Optional<AcquisitionMetadata.LightSettings> lightSettings) {
    public ChannelMetadata {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(excitationWavelength, "excitationWavelength");
        Objects.requireNonNull(emissionWavelength, "emissionWavelength");
        Objects.requireNonNull(lookupTable, "lookupTable");
        Objects.requireNonNull(detectorSettings, "detectorSettings");
        Objects.requireNonNull(lightSettings, "lightSettings");
    }

    /** A channel the file says nothing about. */
    public static ChannelMetadata unnamed() {
        return new ChannelMetadata(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A channel with only a name. */
    public static ChannelMetadata named(String name) {
        return unnamed().withName(name);
    }

    public ChannelMetadata withName(String n) {
        return new ChannelMetadata(Optional.ofNullable(n), color, excitationWavelength, emissionWavelength,
                lookupTable,
                detectorSettings, lightSettings);
    }

    public ChannelMetadata withColor(Rgba c) {
        return new ChannelMetadata(name, Optional.ofNullable(c), excitationWavelength, emissionWavelength,
                lookupTable,
                detectorSettings, lightSettings);
    }

    public ChannelMetadata withWavelengths(Length excitation, Length emission) {
        return new ChannelMetadata(name, color, Optional.ofNullable(excitation), Optional.ofNullable(emission),
                lookupTable,
                detectorSettings, lightSettings);
    }

    public ChannelMetadata withLookupTable(ColorTable t) {
        return new ChannelMetadata(name, color, excitationWavelength, emissionWavelength, Optional.ofNullable(t),
                detectorSettings, lightSettings);
    }

    /** This channel with the settings of its detector and light source (either null for unknown). */
    public ChannelMetadata withSettings(AcquisitionMetadata.DetectorSettings detector,
                                        AcquisitionMetadata.LightSettings light) {
        return new ChannelMetadata(name, color, excitationWavelength, emissionWavelength, lookupTable,
                Optional.ofNullable(detector), Optional.ofNullable(light));
    }
}
