package org.omerosdk.importer.format.zarr;

import tools.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.omerosdk.importer.format.ChannelMetadata;
import org.omerosdk.importer.format.MetadataEntry;
import org.omerosdk.importer.format.SeriesMetadata;
import org.omerosdk.model.DimensionOrder;
import org.omerosdk.model.FormatException;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.core.Rgba;
import org.omerosdk.model.units.Length;
import org.omerosdk.model.units.Time;
import org.omerosdk.model.units.UnitsLength;
import org.omerosdk.model.units.UnitsTime;
import org.omerosdk.render.codec.zarr.ZarrArrayReader;

/**
 * One OME-NGFF multiscale image group (0.1 to 0.5): its axes, its resolution levels with their coordinate
 * transformations, the {@code omero} rendering block, read into a {@link SeriesMetadata} builder and a
 * {@link ZarrPixelSource}. Physical sizes come from level 0's scale on axes that carry a unit; translations are kept
 * as original metadata.
 */
final class NgffImage {
    final String path;
    final SeriesMetadata.Builder builder;
    final ZarrPixelSource pixels;
    final String multiscalesName;

    private NgffImage(String path, SeriesMetadata.Builder builder, ZarrPixelSource pixels, String multiscalesName) {
        this.path = path;
        this.builder = builder;
        this.pixels = pixels;
        this.multiscalesName = multiscalesName;
    }

    private record Axis(String name, String type, String unit) {
    }

    /** Reads the image group at {@code path} whose attributes are {@code attrs}. */
    static NgffImage read(ZarrHierarchy h, String path, JsonNode attrs) {
        String where = h.describe(path);
        JsonNode list = attrs.path("multiscales");
        if (!list.isArray() || list.isEmpty() || !list.get(0).isObject()) {
            throw new FormatException(where + " has no multiscales metadata: it is not an OME-NGFF image");
        }
        JsonNode ms = list.get(0);
        String version = ms.path("version").asString(attrs.path("version").asString(""));
        JsonNode datasets = ms.path("datasets");
        if (!datasets.isArray() || datasets.isEmpty()) {
            throw new FormatException(where + ": multiscales lists no datasets (resolution levels)");
        }
        List<ZarrArrayReader> levels = new ArrayList<>();
        List<double[]> scales = new ArrayList<>();
        List<MetadataEntry> original = new ArrayList<>();
        original.add(new MetadataEntry("ngff.version", version));
        for (int i = 0; i < datasets.size(); i++) {
            JsonNode d = datasets.get(i);
            String rel = checkedPath(d.path("path"), where + ": datasets[" + i + "].path");
            ZarrArrayReader a = h.array(path.isEmpty() ? rel : path + "/" + rel);
            levels.add(a);
            int rank = a.metadata().rank();
            double[] scale = new double[rank];
            Arrays.fill(scale, 1);
            double[] translation = new double[rank];
            applyTransforms(ms.path("coordinateTransformations"), scale, translation, where + ": multiscales");
            applyTransforms(d.path("coordinateTransformations"), scale, translation, where + ": datasets[" + i + "]");
            scales.add(scale);
            if (Arrays.stream(translation).anyMatch(v -> v != 0)) {
                original.add(new MetadataEntry("multiscales.datasets[" + i + "].translation",
                        Arrays.toString(translation)));
            }
        }
        int rank = levels.get(0).metadata().rank();
        List<Axis> axes = axes(ms.path("axes"), rank, where);
        // what the file states about its layout, as original metadata: the group's path in the tree, the axes and,
        // per level, the array's shape and chunks and the scale its transformations add up to (a level may
        // downsample z as well, which the levels' xy sizes alone do not tell)
        original.add(new MetadataEntry("ngff.path", path));
        original.add(new MetadataEntry("zarr.format", Integer.toString(levels.get(0).metadata().zarrFormat())));
        original.add(new MetadataEntry("multiscales.axes", String.join(", ", axes.stream().map(Axis::name)
                .toList())));
        for (int i = 0; i < levels.size(); i++) {
            String d = "multiscales.datasets[" + i + "].";
            original.add(new MetadataEntry(d + "shape", Arrays.toString(levels.get(i).metadata().shape())));
            original.add(new MetadataEntry(d + "chunks", Arrays.toString(levels.get(i).metadata().chunks())));
            original.add(new MetadataEntry(d + "scale", Arrays.toString(scales.get(i))));
        }
        int ax = -1;
        int ay = -1;
        int az = -1;
        int ac = -1;
        int at = -1;
        for (int i = 0; i < axes.size(); i++) {
            switch (axes.get(i).name().toLowerCase(Locale.ROOT)) {
                case "x": ax = i; break;
                case "y": ay = i; break;
                case "z": az = i; break;
                case "c": ac = i; break;
                case "t": at = i; break;
                default:
                    if (levels.get(0).metadata().shape()[i] != 1) {
                        throw new FormatException(where + " has the axis \"" + axes.get(i).name() + "\" of size "
                                + levels.get(0).metadata().shape()[i] + "; only t, c, z, y, x are read (others of "
                                + "size 1)");
                    }
            }
        }
        if (ax != rank - 1 || ay != rank - 2) {
            throw new FormatException(where + " has the axes " + axes.stream().map(Axis::name).toList()
                    + "; y and x must be the last two (as OME-NGFF requires)");
        }
        int[] s0 = levels.get(0).metadata().shape();
        PixelType type = levels.get(0).metadata().type();
        for (int l = 0; l < levels.size(); l++) {
            ZarrArrayReader r = levels.get(l);
            int[] s = r.metadata().shape();
            String lw = r.metadata().where();
            if (s.length != rank) {
                throw new FormatException(lw + " has " + s.length + " dimensions; level 0 and the axes have " + rank);
            }
            if (r.metadata().type() != type) {
                throw new FormatException(lw + " holds " + r.metadata().type().omeroName() + "; level 0 holds "
                        + type.omeroName());
            }
            for (int i = 0; i < rank; i++) {
                if (s[i] < 1) {
                    throw new FormatException(lw + " has the empty shape " + Arrays.toString(s));
                }
                if ((i == ac || i == at) && s[i] != s0[i]) {
                    throw new FormatException(lw + " has " + s[i] + " along " + axes.get(i).name() + "; level 0 has "
                            + s0[i] + " (levels may only shrink z, y and x)");
                }
                if (s[i] > s0[i]) {
                    throw new FormatException(lw + " is larger than level 0 along " + axes.get(i).name() + " ("
                            + s[i] + " > " + s0[i] + ")");
                }
            }
        }
        ZarrPixelSource pixels = new ZarrPixelSource(levels, at, ac, az);
        SeriesMetadata.Builder b = SeriesMetadata.builder(type, s0[rank - 1], s0[rank - 2])
                .sizes(pixels.sizeZ(), pixels.sizeC(), pixels.sizeT())
                .dimensionOrder(DimensionOrder.XYZCT);
        List<SeriesMetadata.LevelSize> sizes = new ArrayList<>();
        for (int l = 0; l < levels.size(); l++) {
            sizes.add(new SeriesMetadata.LevelSize(pixels.sizeX(l), pixels.sizeY(l)));
        }
        b.levels(sizes);
        double[] scale = scales.get(0);
        b.physicalSizes(length(axes.get(ax), scale[ax]), length(axes.get(ay), scale[ay]),
                az < 0 ? null : length(axes.get(az), scale[az]));
        if (at >= 0) {
            Time ti = time(axes.get(at), scale[at]);
            if (ti != null) {
                b.timeIncrement(ti);
            }
        }
        String name = ms.path("name").isString() ? ms.path("name").asString() : "";
        b.name(name);
        if (!name.isEmpty()) {
            original.add(new MetadataEntry("multiscales.name", name));
        }
        b.channels(channels(attrs.path("omero"), pixels.sizeC(), original));
        b.originalMetadata(original);
        return new NgffImage(path, b, pixels, name);
    }

    /** A relative path from a document: not empty, no "..", no absolute path, no control characters. */
    static String checkedPath(JsonNode node, String what) {
        if (!node.isString() || node.asString().isEmpty()) {
            throw new FormatException(what + " is " + node + "; a relative path is expected");
        }
        String p = node.asString();
        if (p.startsWith("/") || p.endsWith("/")) {
            throw new FormatException(what + " is \"" + p + "\"; a relative path without leading or trailing / is "
                    + "expected");
        }
        for (String seg : p.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
                throw new FormatException(what + " is \"" + p + "\"; paths may not leave the group");
            }
        }
        for (char ch : p.toCharArray()) {
            if (ch < 0x20 || ch == 0x7f || ch == '\\') {
                throw new FormatException(what + " contains the character U+" + String.format("%04X", (int) ch));
            }
        }
        return p;
    }

    private static void applyTransforms(JsonNode list, double[] scale, double[] translation, String where) {
        if (list.isMissingNode() || list.isNull()) {
            return;
        }
        if (!list.isArray()) {
            throw new FormatException(where + ": coordinateTransformations is " + list + ", not a list");
        }
        for (JsonNode tr : list) {
            String type = tr.path("type").asString("");
            JsonNode v = tr.path(type);
            if (type.equals("identity")) {
                continue;
            }
            if (!type.equals("scale") && !type.equals("translation")) {
                throw new FormatException(where + " has the coordinate transformation \"" + type
                        + "\"; scale, translation and identity are read");
            }
            if (!v.isArray()) {
                // a transform given by a "path" to a binary array: positions are not needed for sizes
                continue;
            }
            if (v.size() != scale.length) {
                throw new FormatException(where + ": the " + type + " " + v + " has " + v.size() + " values for "
                        + scale.length + " dimensions");
            }
            for (int i = 0; i < scale.length; i++) {
                double x = v.get(i).asDouble(Double.NaN);
                if (!v.get(i).isNumber() || !Double.isFinite(x)) {
                    throw new FormatException(where + ": the " + type + " " + v + " holds a value that is not a "
                            + "finite number");
                }
                if (type.equals("scale")) {
                    scale[i] *= x;
                } else {
                    translation[i] += x;
                }
            }
        }
    }

    private static List<Axis> axes(JsonNode axes, int rank, String where) {
        List<Axis> out = new ArrayList<>();
        if (axes.isMissingNode() || axes.isNull()) {
            // NGFF 0.1 and 0.2: always t, c, z, y, x
            if (rank != 5) {
                throw new FormatException(where + " declares no axes and has " + rank + " dimensions; without axes "
                        + "OME-NGFF (0.1, 0.2) means 5 (t, c, z, y, x)");
            }
            for (String n : new String[] {"t", "c", "z", "y", "x"}) {
                out.add(new Axis(n, "", ""));
            }
            return out;
        }
        if (!axes.isArray()) {
            throw new FormatException(where + ": axes is " + axes + ", not a list");
        }
        for (JsonNode a : axes) {
            if (a.isString()) {
                out.add(new Axis(a.asString(), "", ""));
            } else if (a.isObject() && a.path("name").isString()) {
                out.add(new Axis(a.path("name").asString(), a.path("type").asString(""), a.path("unit").asString("")));
            } else {
                throw new FormatException(where + ": the axis " + a + " has no name");
            }
        }
        if (out.size() != rank) {
            throw new FormatException(where + " declares " + out.size() + " axes " + out.stream().map(Axis::name)
                    .toList() + " for arrays of " + rank + " dimensions");
        }
        return out;
    }

    private static Length length(Axis a, double scale) {
        if (a.unit().isEmpty() || !(scale > 0)) {
            return null;
        }
        try {
            return Length.of(scale, UnitsLength.valueOf(a.unit().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Time time(Axis a, double scale) {
        if (a.unit().isEmpty() || !(scale > 0)) {
            return null;
        }
        try {
            return Time.of(scale, UnitsTime.valueOf(a.unit().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The channels of the {@code omero} block (label, colour; windows and rdefs as original metadata). */
    private static List<ChannelMetadata> channels(JsonNode omero, int sizeC, List<MetadataEntry> original) {
        List<ChannelMetadata> out = new ArrayList<>();
        JsonNode list = omero.path("channels");
        for (int c = 0; c < sizeC; c++) {
            JsonNode ch = list.isArray() && c < list.size() ? list.get(c) : null;
            ChannelMetadata m = ChannelMetadata.unnamed();
            if (ch != null && ch.isObject()) {
                if (ch.path("label").isString()) {
                    m = m.withName(ch.path("label").asString());
                }
                Rgba color = color(ch.path("color").asString(""));
                if (color != null) {
                    m = m.withColor(color);
                }
                JsonNode w = ch.path("window");
                if (w.isObject()) {
                    original.add(new MetadataEntry("omero.channels[" + c + "].window", String.format(Locale.ROOT,
                            "start=%s end=%s min=%s max=%s", w.path("start").asString(), w.path("end").asString(),
                            w.path("min").asString(), w.path("max").asString())));
                }
                for (String f : new String[] {"active", "family", "inverted", "coefficient"}) {
                    if (ch.has(f)) {
                        original.add(new MetadataEntry("omero.channels[" + c + "]." + f, ch.path(f).asString()));
                    }
                }
            }
            out.add(m);
        }
        JsonNode rdefs = omero.path("rdefs");
        if (rdefs.isObject()) {
            // kept as stated: a defaultZ beyond sizeZ (seen in real files) is the renderer's to clamp, not an error
            rdefs.properties().forEach(e -> original.add(new MetadataEntry("omero.rdefs." + e.getKey(),
                    e.getValue().asString())));
        }
        return out;
    }

    /** {@code "FF0000"} as an opaque colour, or null. */
    private static Rgba color(String hex) {
        if (hex.length() != 6) {
            return null;
        }
        try {
            int v = Integer.parseInt(hex, 16);
            return Rgba.of(v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
