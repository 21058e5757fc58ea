package org.omerosdk.importer.format.tiff;

import org.omerosdk.importer.format.omexml.UnitNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.omerosdk.importer.format.ChannelMetadata;
import org.omerosdk.importer.format.ColorTable;
import org.omerosdk.importer.format.FormatReader;
import org.omerosdk.importer.format.Location;
import org.omerosdk.importer.format.MetadataEntry;
import org.omerosdk.importer.format.OpenedFileset;
import org.omerosdk.importer.format.SeriesMetadata;
import org.omerosdk.model.DimensionOrder;
import org.omerosdk.model.FormatException;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.units.Length;
import org.omerosdk.model.units.UnitsLength;
import org.omerosdk.render.PixelSource;
import org.omerosdk.render.codec.tiff.Ifd;
import org.omerosdk.render.codec.tiff.TiffFile;
import org.omerosdk.render.codec.tiff.TiffImage;
import org.omerosdk.render.codec.tiff.TiffTags;

/**
 * The TIFF family: classic TIFF and BigTIFF, and the flavours told apart by the first ImageDescription — OME-TIFF
 * (OME-XML), ImageJ hyperstacks ({@code ImageJ=}), Aperio SVS ({@code Aperio}), tifffile's JSON shape — with a
 * plain-TIFF view of anything else: consecutive IFDs of the same shape form one series (a stack), reduced-resolution
 * IFDs (NewSubfileType 1) and SubIFDs are its resolution levels.
 */
public final class TiffReader implements FormatReader {

    @Override
    public String name() {
        return "TIFF";
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Confidence probe(Location location, byte[] head) {
        return TiffFile.isTiff(head) ? Confidence.BY_CONTENT : Confidence.NO;
    }

    @Override
    public OpenedFileset open(Location location) {
        TiffFile tiff = TiffFile.open(location);
        Ifd first = tiff.ifds().get(0);
        String description = first.string(TiffTags.IMAGE_DESCRIPTION).orElse("").trim();
        if (OmeTiff.isOmeXml(description)) {
            return OmeTiff.open(location, tiff, description);
        }
        if (description.startsWith("ImageJ=")) {
            return imagej(location, tiff, description);
        }
        if (description.startsWith("Aperio")) {
            return Svs.open(location, tiff, description);
        }
        return plain(location, tiff, description);
    }

    // ---------------------------------------------------------------- plain TIFF

    /** A run of IFDs that form one series in the plain view: full-resolution pages, each with its levels. */
    record Stack(List<TiffImage[]> pages) {
    }

    /** Groups the top-level IFDs into stacks of same-shaped pages; reduced IFDs become levels of the page before. */
    static List<Stack> stacks(TiffFile tiff) {
        List<Stack> stacks = new ArrayList<>();
        List<TiffImage[]> current = null;
        TiffImage previous = null;
        List<TiffImage> levels = null;
        List<List<TiffImage>> pageLevels = new ArrayList<>();
        List<Integer> pageStack = new ArrayList<>();
        for (Ifd ifd : tiff.ifds()) {
            TiffImage img = TiffImage.of(tiff, ifd);
            boolean reduced = (ifd.longValue(TiffTags.NEW_SUBFILE_TYPE, 0) & 1) != 0;
            if (reduced && levels != null && img.width() <= levels.get(levels.size() - 1).width()
                    && img.height() <= levels.get(levels.size() - 1).height()) {
                levels.add(img);
                continue;
            }
            levels = new ArrayList<>();
            levels.add(img);
            for (Ifd sub : tiff.subIfds(ifd)) {
                levels.add(TiffImage.of(tiff, sub));
            }
            boolean same = previous != null && sameShape(previous, img)
                    && pageLevels.get(pageLevels.size() - 1).size() == levels.size();
            if (!same) {
                stacks.add(new Stack(new ArrayList<>()));
            }
            pageLevels.add(levels);
            pageStack.add(stacks.size() - 1);
            previous = img;
        }
        for (int i = 0; i < pageLevels.size(); i++) {
            stacks.get(pageStack.get(i)).pages().add(pageLevels.get(i).toArray(new TiffImage[0]));
        }
        // a multi-IFD pyramid appended to a stack: levels were only gathered for the page they follow
        List<Stack> out = new ArrayList<>();
        for (Stack s : stacks) {
            int n = s.pages().get(0).length;
            boolean uniform = s.pages().stream().allMatch(p -> p.length == n);
            if (uniform) {
                out.add(s);
            } else {
                for (TiffImage[] p : s.pages()) {
                    out.add(new Stack(new ArrayList<>(List.<TiffImage[]>of(p))));
                }
            }
        }
        return out;
    }

    static boolean sameShape(TiffImage a, TiffImage b) {
        return a.width() == b.width() && a.height() == b.height() && a.samplesPerPixel() == b.samplesPerPixel()
                && a.bitsPerSample() == b.bitsPerSample() && a.pixelType().equals(b.pixelType())
                && a.photometric() == b.photometric();
    }

    static PixelType typeOf(TiffImage img) {
        return img.pixelType().orElseThrow(() -> new FormatException(img.ifd().where() + " has "
                + img.bitsPerSample() + "-bit samples; supported: 1, 8, 16, 32-bit integers, 32 and 64-bit floats"));
    }

    /**
     * The pixel source of pages laid out as {@code sizeZ x channelPages x sizeT} in {@code order}, each page
     * holding {@code spp} samples (so sizeC = channelPages * spp).
     */
    static TiffSeriesSource source(PixelType type, List<TiffImage[]> pages, DimensionOrder order, int sizeZ,
                                   int channelPages, int sizeT) {
        int spp = pages.get(0)[0].samplesPerPixel();
        int sizeC = channelPages * spp;
        TiffSeriesSource.Plane[] planes = new TiffSeriesSource.Plane[sizeZ * sizeC * sizeT];
        for (int t = 0; t < sizeT; t++) {
            for (int c = 0; c < sizeC; c++) {
                for (int z = 0; z < sizeZ; z++) {
                    int page = order.planeIndex(z, c / spp, t, sizeZ, channelPages, sizeT);
                    planes[z + sizeZ * (c + sizeC * t)] = new TiffSeriesSource.Plane(pages.get(page), c % spp);
                }
            }
        }
        return new TiffSeriesSource(type, sizeZ, sizeC, sizeT, planes);
    }

    static List<SeriesMetadata.LevelSize> levelSizes(TiffImage[] levels) {
        List<SeriesMetadata.LevelSize> list = new ArrayList<>();
        for (TiffImage l : levels) {
            list.add(new SeriesMetadata.LevelSize(l.width(), l.height()));
        }
        return list;
    }

    /** Channels of a page: RGB samples, or one palette channel with its colour map as lookup table. */
    static List<ChannelMetadata> channels(TiffImage img, int channelPages) {
        List<ChannelMetadata> list = new ArrayList<>();
        for (int p = 0; p < channelPages; p++) {
            for (int s = 0; s < img.samplesPerPixel(); s++) {
                ChannelMetadata c = ChannelMetadata.unnamed();
                Optional<int[]> map = img.colorMap();
                if (map.isPresent() && img.samplesPerPixel() == 1) {
                    c = c.withLookupTable(ColorTable.of(map.get()));
                }
                list.add(c);
            }
        }
        return list;
    }

    /**
     * Pixel size from the TIFF resolution tags, in micrometres: centimetre units always count; inch units count
     * only above 1000 dpi (below, they are a screen or print setting, 72 dpi by default, not a calibration); no
     * unit never counts.
     */
    static Length[] resolution(Ifd ifd) {
        int unit = ifd.intValue(TiffTags.RESOLUTION_UNIT, 2);
        Optional<Double> xr = ifd.rational(TiffTags.X_RESOLUTION);
        Optional<Double> yr = ifd.rational(TiffTags.Y_RESOLUTION);
        if (xr.isEmpty() || unit == 1) {
            return new Length[2];
        }
        double perUnitUm = unit == 3 ? 1e4 : 25400;
        if (unit == 2 && xr.get() < 1000) {
            return new Length[2];
        }
        double x = perUnitUm / xr.get();
        double y = perUnitUm / yr.orElse(xr.get());
        return new Length[] {UnitNames.lengthOrNull(x, UnitsLength.MICROMETER),
                UnitNames.lengthOrNull(y, UnitsLength.MICROMETER)};
    }

    /** The tags of an IFD as original metadata (long arrays abbreviated). */
    static List<MetadataEntry> tags(Ifd ifd, String prefix) {
        List<MetadataEntry> list = new ArrayList<>();
        for (Ifd.Entry e : ifd.entries().values()) {
            String value;
            if (e.type() == 2) {
                value = ifd.string(e.tag()).orElse("");
                if (value.length() > 4096) {
                    value = value.substring(0, 4096) + "...";
                }
            } else if (e.type() == 5 || e.type() == 10 || e.type() == 11 || e.type() == 12) {
                value = ifd.rational(e.tag()).map(String::valueOf).orElse("");
            } else if (e.count() <= 16 && e.type() != 7) {
                long[] v = ifd.longs(e.tag());
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < v.length; i++) {
                    b.append(i == 0 ? "" : " ").append(v[i]);
                }
                value = b.toString();
            } else {
                value = "(" + e.count() + " values)";
            }
            list.add(new MetadataEntry(prefix + e.tag(), value));
        }
        return list;
    }

    private static OpenedFileset plain(Location location, TiffFile tiff, String description) {
        List<Stack> stacks = stacks(tiff);
        int[] shapeZ = tifffileShape(description, tiff);
        List<SeriesMetadata> series = new ArrayList<>();
        List<PixelSource> sources = new ArrayList<>();
        for (int i = 0; i < stacks.size(); i++) {
            Stack s = stacks.get(i);
            TiffImage img = s.pages().get(0)[0];
            PixelType type = typeOf(img);
            int pages = s.pages().size();
            int sizeZ = pages;
            int sizeT = 1;
            if (i == 0 && shapeZ != null && shapeZ[0] * shapeZ[1] == pages) {
                sizeZ = shapeZ[0];
                sizeT = shapeZ[1];
            }
            Length[] res = resolution(img.ifd());
            SeriesMetadata.Builder b = SeriesMetadata.builder(type, img.width(), img.height())
                    .name(stacks.size() == 1 ? "" : "Series " + i)
                    .sizes(sizeZ, img.samplesPerPixel(), sizeT)
                    .dimensionOrder(DimensionOrder.XYCZT)
                    .rgb(img.samplesPerPixel() > 1, img.samplesPerPixel() > 1 && !img.isPlanar())
                    .indexed(img.colorMap().isPresent())
                    .channels(channels(img, 1))
                    .physicalSizes(res[0], res[1], null)
                    .levels(levelSizes(s.pages().get(0)))
                    .originalMetadata(tags(img.ifd(), "TIFF."));
            series.add(b.build());
            sources.add(source(type, s.pages(), DimensionOrder.XYCZT, sizeZ, 1, sizeT));
        }
        return new TiffFileset("TIFF", List.of(location), series, sources, tags(tiff.ifds().get(0), "TIFF."));
    }

    /**
     * tifffile's {@code {"shape": [...]}} description: the dimensions before Y and X (and samples) as (Z, T), with
     * tifffile's {@code axes} letters when present; null when the description is not that or does not fit.
     */
    static int[] tifffileShape(String description, TiffFile tiff) {
        if (!description.startsWith("{") || !description.contains("\"shape\"")) {
            return null;
        }
        try {
            tools.jackson.databind.JsonNode n = new tools.jackson.databind.ObjectMapper()
                    .readTree(description);
            tools.jackson.databind.JsonNode shape = n.path("shape");
            if (!shape.isArray() || shape.size() < 2) {
                return null;
            }
            String axes = n.path("axes").asString("");
            TiffImage img = TiffImage.of(tiff, tiff.ifds().get(0));
            int dims = shape.size() - (img.samplesPerPixel() > 1 ? 3 : 2);
            int z = 1;
            int t = 1;
            for (int i = 0; i < dims; i++) {
                int v = shape.get(i).asInt();
                char axis = axes.length() == shape.size() ? axes.toUpperCase(Locale.ROOT).charAt(i) : 'Z';
                if (axis == 'T') {
                    t = Math.multiplyExact(t, v);
                } else {
                    z = Math.multiplyExact(z, v);
                }
            }
            return new int[] {z, t};
        } catch (tools.jackson.core.JacksonException | ArithmeticException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- ImageJ

    private static OpenedFileset imagej(Location location, TiffFile tiff, String description) {
        ImageJMetadata ij = ImageJMetadata.parse(description, tiff.ifds().get(0));
        List<Stack> stacks = stacks(tiff);
        Stack s = stacks.get(0);
        TiffImage img = s.pages().get(0)[0];
        PixelType type = typeOf(img);
        int pages = s.pages().size();
        int c = ij.channels();
        int z = ij.slices();
        int t = ij.frames();
        int spp = img.samplesPerPixel();
        if ((long) c * z * t != pages) {
            if (c * z * t == pages * spp && spp > 1 && c == spp) {
                c = 1;   // an RGB ImageJ image counts its samples as channels
            } else {
                throw new FormatException(location.describe() + ": the ImageJ description says " + ij.channels()
                        + " channels x " + ij.slices() + " slices x " + ij.frames() + " frames but the file has "
                        + pages + " pages of the same shape (ImageJ files with planes after the first IFD's data "
                        + "are not read)");
            }
        }
        List<ChannelMetadata> channels = new ArrayList<>();
        for (int i = 0; i < c * spp; i++) {
            ChannelMetadata ch = ChannelMetadata.unnamed();
            if (spp == 1 && i < ij.luts().size()) {
                ch = ch.withLookupTable(ij.luts().get(i));
            } else if (spp == 1 && c == 1 && img.colorMap().isPresent()) {
                ch = ch.withLookupTable(ColorTable.of(img.colorMap().get()));
            }
            channels.add(ch);
        }
        Length[] xy = ij.pixelSize(img.ifd());
        SeriesMetadata.Builder b = SeriesMetadata.builder(type, img.width(), img.height())
                .sizes(z, c * spp, t)
                .dimensionOrder(DimensionOrder.XYCZT)
                .rgb(spp > 1, spp > 1 && !img.isPlanar())
                .channels(channels)
                .physicalSizes(xy[0], xy[1], ij.spacing().orElse(null))
                .timeIncrement(ij.frameInterval().orElse(null))
                .levels(levelSizes(s.pages().get(0)))
                .originalMetadata(ij.entries());
        List<MetadataEntry> original = new ArrayList<>(ij.entries());
        original.addAll(tags(img.ifd(), "TIFF."));
        return new TiffFileset("ImageJ TIFF", List.of(location), List.of(b.build()),
                List.of(source(type, s.pages().subList(0, pages), DimensionOrder.XYCZT, z, c, t)), original);
    }
}
