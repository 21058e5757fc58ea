package org.omerosdk.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.omerosdk.model.ValidationException;

/**
 * How an image is displayed (OMERO's RenderingDef with its QuantumDef and ChannelBindings): the colour model, the
 * codomain {@code [cdStart, cdEnd]} of 0..255, the bit resolution, the default plane, and one
 * {@link ChannelSettings} per channel. Immutable.
 *
 * @param version a number that changes whenever the settings change (thumbnail caches key on it)
 */
public record RenderingSettings(Model model, List<ChannelSettings> channels, int cdStart, int cdEnd,
                                int bitResolution, int defaultZ, int defaultT, long version) {
    /** OMERO's colour models: greyscale draws the first active channel; colour ("rgb") blends the active ones. */
    public enum Model { GREYSCALE, COLOR }

    private static final int[] BIT_RESOLUTIONS = {1, 3, 7, 15, 31, 63, 127, 255};

    public RenderingSettings {
        Objects.requireNonNull(model, "model");
        channels = List.copyOf(channels);
        if (channels.isEmpty()) {
            throw new ValidationException("rendering settings need at least one channel");
        }
        if (cdStart < 0 || cdEnd > 255 || cdStart >= cdEnd) {
            throw new ValidationException("codomain [" + cdStart + ", " + cdEnd + "] must satisfy "
                    + "0 <= start < end <= 255");
        }
        boolean ok = false;
        for (int b : BIT_RESOLUTIONS) {
            ok |= b == bitResolution;
        }
        if (!ok) {
            throw new ValidationException("bit resolution " + bitResolution
                    + " is not one of 1, 3, 7, 15, 31, 63, 127, 255");
        }
        if (defaultZ < 0 || defaultT < 0) {
            throw new ValidationException("default z=" + defaultZ + " t=" + defaultT + " must not be negative");
        }
    }

    /** Colour model, codomain 0..255, bit resolution 255, plane (0, 0), version 0. */
    public static RenderingSettings of(List<ChannelSettings> channels) {
        return new RenderingSettings(Model.COLOR, channels, 0, 255, 255, 0, 0, 0);
    }

    public RenderingSettings withModel(Model m) {
        return new RenderingSettings(m, channels, cdStart, cdEnd, bitResolution, defaultZ, defaultT, version + 1);
    }

    public RenderingSettings withCodomain(int start, int end) {
        return new RenderingSettings(model, channels, start, end, bitResolution, defaultZ, defaultT, version + 1);
    }

    public RenderingSettings withBitResolution(int b) {
        return new RenderingSettings(model, channels, cdStart, cdEnd, b, defaultZ, defaultT, version + 1);
    }

    public RenderingSettings withDefaultPlane(int z, int t) {
        return new RenderingSettings(model, channels, cdStart, cdEnd, bitResolution, z, t, version + 1);
    }

    /** A copy with channel {@code index} replaced. */
    public RenderingSettings withChannel(int index, ChannelSettings c) {
        List<ChannelSettings> copy = new ArrayList<>(channels);
        copy.set(index, c);
        return new RenderingSettings(model, copy, cdStart, cdEnd, bitResolution, defaultZ, defaultT, version + 1);
    }

    /** Indices of the active channels, in order. */
    public int[] activeChannels() {
        return java.util.stream.IntStream.range(0, channels.size()).filter(i -> channels.get(i).active()).toArray();
    }
}
