package org.omerosdk.importer.format.tiff;

import org.omerosdk.importer.format.omexml.UnitNames;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.omerosdk.importer.format.ColorTable;
import org.omerosdk.importer.format.MetadataEntry;
import org.omerosdk.model.units.Length;
import org.omerosdk.model.units.Time;
import org.omerosdk.model.units.UnitsLength;
import org.omerosdk.model.units.UnitsTime;
import org.omerosdk.render.codec.tiff.Ifd;
import org.omerosdk.render.codec.tiff.TiffTags;

/**
 * What ImageJ writes into a TIFF: the {@code ImageJ=} description (channels, slices, frames, unit, spacing,
 * finterval, ...) and the IJMetadata tags (50838/50839) holding the channel LUTs.
 */
record ImageJMetadata(Map<String, String> fields, List<ColorTable> luts) {

    static ImageJMetadata parse(String description, Ifd ifd) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String line : description.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                f.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return new ImageJMetadata(f, luts(ifd));
    }

    private int count(String key) {
        try {
            return Math.max(1, Integer.parseInt(fields.getOrDefault(key, "1")));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    int channels() {
        return count("channels");
    }

    int slices() {
        return count("slices");
    }

    int frames() {
        return count("frames");
    }

    private Optional<Double> number(String key) {
        try {
            String v = fields.get(key);
            return v == null ? Optional.empty() : Optional.of(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private UnitsLength unit() {
        return UnitNames.length(fields.get("unit")).orElse(null);
    }

    /** X and Y pixel size: 1 / resolution, in the description's unit (none when the unit is pixels or unknown). */
    Length[] pixelSize(Ifd ifd) {
        UnitsLength u = unit();
        Optional<Double> xr = ifd.rational(TiffTags.X_RESOLUTION);
        Optional<Double> yr = ifd.rational(TiffTags.Y_RESOLUTION);
        if (u == null || xr.isEmpty()) {
            return new Length[2];
        }
        return new Length[] {UnitNames.lengthOrNull(1 / xr.get(), u), UnitNames.lengthOrNull(1 / yr.orElse(xr.get()), u)};
    }

    Optional<Length> spacing() {
        UnitsLength u = unit();
        return u == null ? Optional.empty() : number("spacing").map(v -> UnitNames.lengthOrNull(v, u));
    }

    /** {@code finterval} in {@code tunit} (ImageJ's default: seconds). */
    Optional<Time> frameInterval() {
        UnitsTime u = UnitNames.time(fields.getOrDefault("tunit", "sec")).orElse(UnitsTime.SECOND);
        return number("finterval").filter(v -> v > 0 && Double.isFinite(v)).map(v -> Time.of(v, u));
    }

    List<MetadataEntry> entries() {
        List<MetadataEntry> list = new ArrayList<>();
        fields.forEach((k, v) -> list.add(new MetadataEntry("ImageJ." + k, v)));
        return list;
    }

    /** The 'luts' blocks of the IJMetadata tags: 768 bytes each, 256 reds, greens, blues. */
    private static List<ColorTable> luts(Ifd ifd) {
        List<ColorTable> out = new ArrayList<>();
        long[] counts = ifd.longs(TiffTags.IMAGEJ_META_DATA_BYTE_COUNTS);
        Optional<byte[]> data = ifd.bytes(TiffTags.IMAGEJ_META_DATA);
        if (counts.length < 2 || data.isEmpty() || data.get().length < 4) {
            return out;
        }
        byte[] d = data.get();
        ByteOrder order = d[0] == 'I' && d[1] == 'J' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        ByteBuffer b = ByteBuffer.wrap(d).order(order);
        int magic = b.getInt(0);
        if (magic != 0x494A494A) {
            return out;
        }
        int headerLen = (int) counts[0];
        List<int[]> types = new ArrayList<>();   // type, count
        for (int p = 4; p + 8 <= headerLen && p + 8 <= d.length; p += 8) {
            types.add(new int[] {b.getInt(p), b.getInt(p + 4)});
        }
        int block = 1;
        long pos = headerLen;
        for (int[] t : types) {
            for (int k = 0; k < t[1] && block < counts.length; k++, block++) {
                long len = counts[block];
                if (t[0] == 0x6C757473 && len == 768 && pos + 768 <= d.length) {   // "luts"
                    int[] rgb = new int[256];
                    for (int i = 0; i < 256; i++) {
                        int base = (int) pos;
                        rgb[i] = (d[base + i] & 0xFF) << 16 | (d[base + 256 + i] & 0xFF) << 8
                                | (d[base + 512 + i] & 0xFF);
                    }
                    out.add(ColorTable.of(rgb));
                }
                pos += len;
            }
        }
        return out;
    }
}
