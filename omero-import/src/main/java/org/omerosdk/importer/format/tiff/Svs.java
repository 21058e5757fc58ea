package org.omerosdk.importer.format.tiff;

import org.omerosdk.importer.format.omexml.UnitNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.omerosdk.importer.format.Location;
import org.omerosdk.importer.format.MetadataEntry;
import org.omerosdk.importer.format.OpenedFileset;
import org.omerosdk.importer.format.SeriesMetadata;
import org.omerosdk.importer.format.SeriesRole;
import org.omerosdk.model.DimensionOrder;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.units.Length;
import org.omerosdk.render.PixelSource;
import org.omerosdk.render.codec.tiff.Ifd;
import org.omerosdk.render.codec.tiff.TiffFile;
import org.omerosdk.render.codec.tiff.TiffImage;
import org.omerosdk.render.codec.tiff.TiffTags;

/**
 * Aperio SVS: the first IFD and the later tiled IFDs are the whole-slide image's resolution levels; the stripped
 * IFD after the first is the thumbnail; IFDs described as label or macro are those associated images. MPP gives
 * the pixel size, AppMag the magnification (both also in the original metadata as {@code Aperio.*}).
 */
final class Svs {
    private Svs() {
    }

    static OpenedFileset open(Location location, TiffFile tiff, String description) {
        List<MetadataEntry> fields = fields(description);
        List<Ifd> ifds = tiff.ifds();
        List<TiffImage> levels = new ArrayList<>();
        List<TiffImage> thumbnails = new ArrayList<>();
        List<TiffImage> labels = new ArrayList<>();
        List<TiffImage> macros = new ArrayList<>();
        for (int i = 0; i < ifds.size(); i++) {
            Ifd ifd = ifds.get(i);
            TiffImage img = TiffImage.of(tiff, ifd);
            String d = ifd.string(TiffTags.IMAGE_DESCRIPTION).orElse("").toLowerCase(Locale.ROOT);
            long subfile = ifd.longValue(TiffTags.NEW_SUBFILE_TYPE, 0);
            if (i == 0) {
                levels.add(img);
            } else if (d.contains("label")) {
                labels.add(img);
            } else if (d.contains("macro") || subfile == 9) {
                macros.add(img);
            } else if (img.isTiled() && img.width() < levels.get(levels.size() - 1).width()) {
                levels.add(img);
            } else if (i == 1) {
                thumbnails.add(img);
            } else {
                macros.add(img);
            }
        }
        Optional<Double> mpp = number(fields, "MPP");
        Length px = mpp.map(v -> UnitNames.lengthOrNull(v, org.omerosdk.model.units.UnitsLength.MICROMETER))
                .orElse(null);
        List<SeriesMetadata> series = new ArrayList<>();
        List<PixelSource> sources = new ArrayList<>();
        TiffImage main = levels.get(0);
        TiffImage[] mainLevels = levels.toArray(new TiffImage[0]);
        add(series, sources, main, mainLevels, SeriesRole.IMAGE, "", px, fields);
        for (TiffImage t : thumbnails) {
            add(series, sources, t, new TiffImage[] {t}, SeriesRole.THUMBNAIL, "thumbnail", null, List.of());
        }
        for (TiffImage t : labels) {
            add(series, sources, t, new TiffImage[] {t}, SeriesRole.SLIDE_LABEL, "label", null, List.of());
        }
        for (TiffImage t : macros) {
            add(series, sources, t, new TiffImage[] {t}, SeriesRole.MACRO, "macro", null, List.of());
        }
        List<MetadataEntry> original = new ArrayList<>(fields);
        original.addAll(TiffReader.tags(ifds.get(0), "TIFF."));
        return new TiffFileset("Aperio SVS", List.of(location), series, sources, original);
    }

    private static void add(List<SeriesMetadata> series, List<PixelSource> sources, TiffImage img,
                            TiffImage[] levels, SeriesRole role, String name, Length px,
                            List<MetadataEntry> original) {
        PixelType type = TiffReader.typeOf(img);
        int spp = img.samplesPerPixel();
        series.add(SeriesMetadata.builder(type, img.width(), img.height())
                .name(name)
                .role(role)
                .sizes(1, spp, 1)
                .dimensionOrder(DimensionOrder.XYCZT)
                .rgb(spp > 1, spp > 1 && !img.isPlanar())
                .channels(TiffReader.channels(img, 1))
                .physicalSizes(px, px, null)
                .levels(TiffReader.levelSizes(levels))
                .originalMetadata(original)
                .build());
        sources.add(TiffReader.source(type, List.<TiffImage[]>of(levels), DimensionOrder.XYCZT, 1, 1, 1));
    }

    /** The {@code key = value} fields after the first {@code |} of an Aperio description, as Aperio.key. */
    static List<MetadataEntry> fields(String description) {
        List<MetadataEntry> list = new ArrayList<>();
        String[] parts = description.split("\\|");
        list.add(new MetadataEntry("Aperio.Header", parts[0].replace("\r", "").replace('\n', ' ').trim()));
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0) {
                list.add(new MetadataEntry("Aperio." + parts[i].substring(0, eq).trim(),
                        parts[i].substring(eq + 1).trim()));
            }
        }
        return list;
    }

    static Optional<Double> number(List<MetadataEntry> fields, String key) {
        for (MetadataEntry e : fields) {
            if (e.key().equals("Aperio." + key)) {
                try {
                    return Optional.of(Double.parseDouble(e.value()));
                } catch (NumberFormatException ex) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
