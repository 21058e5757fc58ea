package org.omerosdk.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.core.Rgba;

/**
 * OMERO's "Set Imported" rendering settings for a new image: colour model by channel count, the first three channels
 * active, colours from the file or from emission wavelengths, windows from channel statistics when known.
 */
public final class RenderingDefaults {
    static final Rgba RED = Rgba.of(255, 0, 0);
    static final Rgba GREEN = Rgba.of(0, 255, 0);
    static final Rgba BLUE = Rgba.of(0, 0, 255);
    static final Rgba WHITE = Rgba.of(255, 255, 255);
    /** OMERO renders in colour only for 2 to 7 channels. */
    static final int MAX_COLOR_CHANNELS = 8;

    private RenderingDefaults() {
    }

    /**
     * What is known about one channel at import.
     *
     * @param importedColor the colour the file gave the channel, if any
     * @param emissionNm    the emission wavelength in nanometres, if known
     * @param min           the channel's global minimum (statistics), if known
     * @param max           the channel's global maximum, if known
     */
    public record ChannelInfo(Optional<Rgba> importedColor, OptionalDouble emissionNm, OptionalDouble min,
                              OptionalDouble max) {
        /** Nothing known. */
        public static ChannelInfo unknown() {
            return new ChannelInfo(Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                    OptionalDouble.empty());
        }
    }

    /** The settings OMERO creates for an image of {@code type} with {@code sizeZ} sections and these channels. */
    public static RenderingSettings of(PixelType type, int sizeZ, List<ChannelInfo> channels) {
        int sizeC = channels.size();
        double[] range = ChannelSettings.typeRange(type);
        boolean someWithoutEmission = false;
        boolean someWithEmission = false;
        for (ChannelInfo c : channels) {
            if (c.importedColor().isEmpty()) {
                if (c.emissionNm().isPresent()) {
                    someWithEmission = true;
                } else {
                    someWithoutEmission = true;
                }
            }
        }
        // channels without import colour: if some but not all have an emission wavelength, the rest turn white
        boolean whiten = someWithEmission && someWithoutEmission;
        List<ChannelSettings> out = new ArrayList<>();
        for (int i = 0; i < sizeC; i++) {
            ChannelInfo info = channels.get(i);
            Rgba color;
            if (info.importedColor().isPresent()) {
                color = info.importedColor().get();
            } else if (info.emissionNm().isPresent()) {
                color = byWavelength(info.emissionNm().getAsDouble());
            } else if (whiten) {
                color = WHITE;
            } else {
                color = i % 3 == 0 ? RED : i % 3 == 1 ? GREEN : BLUE;
            }
            double lo = range[0];
            double hi = range[1];
            if (info.min().isPresent() && info.max().isPresent()
                    && Math.abs(info.min().getAsDouble() - info.max().getAsDouble()) >= 1e-5) {
                lo = info.min().getAsDouble();
                hi = info.max().getAsDouble();
            }
            out.add(ChannelSettings.of(type, color).withWindow(lo, hi).withExtent(lo, hi).withActive(i < 3));
        }
        RenderingSettings.Model model = sizeC > 1 && sizeC < MAX_COLOR_CHANNELS ? RenderingSettings.Model.COLOR
                : RenderingSettings.Model.GREYSCALE;
        return new RenderingSettings(model, out, 0, 255, 255, sizeZ / 2, 0, 0);
    }

    /** OMERO's colour for an emission wavelength: below 500 blue, below 560 green, else red. */
    static Rgba byWavelength(double nm) {
        return nm < 500 ? BLUE : nm < 560 ? GREEN : RED;
    }
}
