package org.omerosdk.importer.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.omerosdk.importer.NewImage;
import org.omerosdk.model.DimensionOrder;
import org.omerosdk.model.FormatException;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.core.Channel;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.LogicalChannel;
import org.omerosdk.model.core.Pixels;
import org.omerosdk.model.units.Length;
import org.omerosdk.model.units.Time;

/**
 * The core metadata of one series (an OME Image) as a reader found it: sizes, pixel type, dimension order, how the
 * samples of an RGB pixel map to channels, the channels, physical sizes, time increment, resolution levels, the
 * plate position, the series' own original metadata, its acquisition metadata (instrument, objective settings,
 * stage label, environment, experiment) and what it says about each plane. Built with {@link #builder}; immutable.
 *
 * <p>{@code channels().size() == sizeC()} always (the samples of an RGB image are channels). {@code levels().get(0)}
 * is the full resolution {@code sizeX x sizeY}. {@code planes()} holds only planes inside the sizes, at most one per
 * (z, c, t), in the file's order; it may describe fewer planes than there are, or none.
 *
 * @param rgb         the channels are the samples of one pixel (RGB, RGBA, or any samples-per-pixel > 1)
 * @param interleaved the file stores those samples interleaved (chunky) rather than as separate planes
 * @param indexed     the pixel values are indices into each channel's {@link ChannelMetadata#lookupTable()}
 */
public record SeriesMetadata(String name, SeriesRole role, PixelType pixelType, int sizeX, int sizeY, int sizeZ,
                             int sizeC, int sizeT, DimensionOrder dimensionOrder, boolean rgb, boolean interleaved,
                             boolean indexed, int significantBits, List<ChannelMetadata> channels,
                             Optional<Length> physicalSizeX, Optional<Length> physicalSizeY,
                             Optional<Length> physicalSizeZ, Optional<Time> timeIncrement, List<LevelSize> levels,
                             Optional<PlatePosition> platePosition, List<MetadataEntry> originalMetadata,
                             AcquisitionMetadata acquisition, List<PlaneMetadata> planes) {

    /** Width and height of one resolution level. */
    public record LevelSize(int sizeX, int sizeY) {
    }

    public SeriesMetadata {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(pixelType, "pixelType");
        Objects.requireNonNull(dimensionOrder, "dimensionOrder");
        channels = List.copyOf(channels);
        levels = List.copyOf(levels);
        originalMetadata = List.copyOf(originalMetadata);
        Objects.requireNonNull(acquisition, "acquisition");
        planes = List.copyOf(planes);
        int[] sizes = {sizeX, sizeY, sizeZ, sizeC, sizeT};
        for (int i = 0; i < 5; i++) {
            if (sizes[i] < 1) {
                throw new FormatException("series \"" + name + "\" has size" + "XYZCT".charAt(i) + " = " + sizes[i]
                        + "; every size must be at least 1");
            }
        }
        long planeTotal = (long) sizeZ * sizeC * sizeT;
        if (planeTotal > Integer.MAX_VALUE) {
            throw new FormatException("series \"" + name + "\" has " + sizeZ + " x " + sizeC + " x " + sizeT
                    + " planes, more than 2^31");
        }
        if (channels.size() != sizeC) {
            throw new FormatException("series \"" + name + "\" describes " + channels.size()
                    + " channels but has sizeC = " + sizeC);
        }
        if (levels.isEmpty() || levels.get(0).sizeX() != sizeX || levels.get(0).sizeY() != sizeY) {
            throw new FormatException("series \"" + name + "\": resolution level 0 must be " + sizeX + "x" + sizeY
                    + ", got " + (levels.isEmpty() ? "no levels" : levels.get(0)));
        }
    }

    /** A builder for a series of {@code sizeX x sizeY} pixels of {@code type}; everything else has defaults. */
    public static Builder builder(PixelType type, int sizeX, int sizeY) {
        return new Builder(type, sizeX, sizeY);
    }

    /** Number of resolution levels (1 when there is no pyramid). */
    public int resolutionLevels() {
        return levels.size();
    }

    /** Number of planes, {@code sizeZ * sizeC * sizeT}. */
    public int planeCount() {
        return sizeZ * sizeC * sizeT;
    }

    /** A copy of this builder's state, for readers that derive one series from another. */
    public Builder toBuilder() {
        Builder b = new Builder(pixelType, sizeX, sizeY);
        b.name = name;
        b.role = role;
        b.sizeZ = sizeZ;
        b.sizeC = sizeC;
        b.sizeT = sizeT;
        b.order = dimensionOrder;
        b.rgb = rgb;
        b.interleaved = interleaved;
        b.indexed = indexed;
        b.significantBits = significantBits;
        b.channels = new ArrayList<>(channels);
        b.physicalSizeX = physicalSizeX.orElse(null);
        b.physicalSizeY = physicalSizeY.orElse(null);
        b.physicalSizeZ = physicalSizeZ.orElse(null);
        b.timeIncrement = timeIncrement.orElse(null);
        b.levels = new ArrayList<>(levels);
        b.platePosition = platePosition.orElse(null);
        b.original = new ArrayList<>(originalMetadata);
        b.acquisition = acquisition;
        b.planes = new ArrayList<>(planes);
        return b;
    }

    /**
     * The image description the import pipeline stores: an Image named {@code name()} (or {@code fallbackName}
     * when the series has none), its Pixels and one Channel per channel with name, colour and wavelengths.
     */
    public NewImage toNewImage(String fallbackName) {
        Image image = new Image(name.isEmpty() ? fallbackName : name);
        Pixels pixels = new Pixels(pixelType, dimensionOrder, sizeX, sizeY, sizeZ, sizeC, sizeT);
        physicalSizeX.ifPresent(pixels::setPhysicalSizeX);
        physicalSizeY.ifPresent(pixels::setPhysicalSizeY);
        physicalSizeZ.ifPresent(pixels::setPhysicalSizeZ);
        timeIncrement.ifPresent(pixels::setTimeIncrement);
        List<Channel> list = new ArrayList<>();
        for (ChannelMetadata c : channels) {
            LogicalChannel lc = new LogicalChannel();
            c.name().ifPresent(lc::setName);
            c.excitationWavelength().ifPresent(lc::setExcitationWave);
            c.emissionWavelength().ifPresent(lc::setEmissionWave);
            Channel ch = new Channel(lc);
            c.color().ifPresent(ch::setColor);
            list.add(ch);
        }
        return new NewImage(image, pixels, list);
    }

    /** Builds a {@link SeriesMetadata}; unset channels are unnamed, unset levels are the full resolution only. */
    public static final class Builder {
        private final PixelType type;
        private final int sizeX;
        private final int sizeY;
        private String name = "";
        private SeriesRole role = SeriesRole.IMAGE;
        private int sizeZ = 1;
        private int sizeC = 1;
        private int sizeT = 1;
        private DimensionOrder order = DimensionOrder.XYCZT;
        private boolean rgb;
        private boolean interleaved;
        private boolean indexed;
        private int significantBits;
        private List<ChannelMetadata> channels;
        private Length physicalSizeX;
        private Length physicalSizeY;
        private Length physicalSizeZ;
        private Time timeIncrement;
        private List<LevelSize> levels;
        private PlatePosition platePosition;
        private List<MetadataEntry> original = new ArrayList<>();
        private AcquisitionMetadata acquisition = AcquisitionMetadata.none();
        private List<PlaneMetadata> planes = new ArrayList<>();

        private Builder(PixelType type, int sizeX, int sizeY) {
            this.type = Objects.requireNonNull(type, "type");
            this.sizeX = sizeX;
            this.sizeY = sizeY;
        }

        public Builder name(String n) {
            name = n == null ? "" : n;
            return this;
        }

        public Builder role(SeriesRole r) {
            role = r;
            return this;
        }

        public Builder sizes(int z, int c, int t) {
            sizeZ = z;
            sizeC = c;
            sizeT = t;
            return this;
        }

        public Builder dimensionOrder(DimensionOrder o) {
            order = o;
            return this;
        }

        /** The channels are the samples of one pixel; {@code interleaved} when the file stores them so. */
        public Builder rgb(boolean isRgb, boolean isInterleaved) {
            rgb = isRgb;
            interleaved = isInterleaved;
            return this;
        }

        public Builder indexed(boolean isIndexed) {
            indexed = isIndexed;
            return this;
        }

        public Builder significantBits(int bits) {
            significantBits = bits;
            return this;
        }

        public Builder channels(List<ChannelMetadata> c) {
            channels = new ArrayList<>(c);
            return this;
        }

        /** Physical pixel sizes; null for unknown. Non-finite or non-positive values are dropped as unknown. */
        public Builder physicalSizes(Length x, Length y, Length z) {
            physicalSizeX = usable(x);
            physicalSizeY = usable(y);
            physicalSizeZ = usable(z);
            return this;
        }

        public Builder timeIncrement(Time t) {
            timeIncrement = t;
            return this;
        }

        public Builder levels(List<LevelSize> l) {
            levels = new ArrayList<>(l);
            return this;
        }

        public Builder platePosition(PlatePosition p) {
            platePosition = p;
            return this;
        }

        public Builder originalMetadata(List<MetadataEntry> entries) {
            original = new ArrayList<>(entries);
            return this;
        }

        public Builder addOriginalMetadata(String key, String value) {
            original.add(new MetadataEntry(key, value));
            return this;
        }

        public Builder acquisition(AcquisitionMetadata a) {
            acquisition = Objects.requireNonNull(a, "acquisition");
            return this;
        }

        /** What the file says about its planes; planes outside the sizes and repeats of a (z, c, t) are dropped. */
        public Builder planes(List<PlaneMetadata> p) {
            planes = new ArrayList<>(p);
            return this;
        }

        private static Length usable(Length l) {
            return l == null || !(l.value() > 0) || Double.isInfinite(l.value()) ? null : l;
        }

        public SeriesMetadata build() {
            List<ChannelMetadata> ch = channels;
            if (ch == null) {
                ch = new ArrayList<>();
                for (int i = 0; i < sizeC; i++) {
                    ch.add(ChannelMetadata.unnamed());
                }
            }
            List<LevelSize> lv = levels == null ? List.of(new LevelSize(sizeX, sizeY)) : levels;
            List<PlaneMetadata> inside = new ArrayList<>();
            java.util.Set<Long> seen = new java.util.HashSet<>();
            for (PlaneMetadata p : planes) {
                if (p.theZ() >= 0 && p.theZ() < sizeZ && p.theC() >= 0 && p.theC() < sizeC && p.theT() >= 0
                        && p.theT() < sizeT && seen.add(((long) p.theT() * sizeC + p.theC()) * sizeZ + p.theZ())) {
                    inside.add(p);
                }
            }
            return new SeriesMetadata(name, role, type, sizeX, sizeY, sizeZ, sizeC, sizeT, order, rgb, interleaved,
                    indexed, significantBits == 0 ? type.bitSize() : significantBits, ch,
                    Optional.ofNullable(physicalSizeX), Optional.ofNullable(physicalSizeY),
                    Optional.ofNullable(physicalSizeZ), Optional.ofNullable(timeIncrement), lv,
                    Optional.ofNullable(platePosition), original, acquisition, inside);
        }
    }
}
