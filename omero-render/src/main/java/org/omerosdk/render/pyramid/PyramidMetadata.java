package org.omerosdk.render.pyramid;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.omerosdk.render.RenderingSettings;

/**
 * What a pyramid records besides pixels: its name, physical pixel sizes in micrometres (when known), channel
 * labels, and the rendering settings written as the NGFF {@code omero} block.
 */
public record PyramidMetadata(String name, OptionalDouble physicalSizeX, OptionalDouble physicalSizeY,
                              OptionalDouble physicalSizeZ, List<String> channelLabels,
                              Optional<RenderingSettings> rendering) {
    public PyramidMetadata {
        channelLabels = List.copyOf(channelLabels);
    }

    /** Only a name. */
    public static PyramidMetadata named(String name) {
        return new PyramidMetadata(name, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                List.of(), Optional.empty());
    }
}
