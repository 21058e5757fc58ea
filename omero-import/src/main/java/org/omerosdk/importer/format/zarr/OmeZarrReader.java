package org.omerosdk.importer.format.zarr;

import tools.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.omerosdk.importer.format.ChannelMetadata;
import org.omerosdk.importer.format.FormatReader;
import org.omerosdk.importer.format.Location;
import org.omerosdk.importer.format.MetadataEntry;
import org.omerosdk.importer.format.OpenedFileset;
import org.omerosdk.importer.format.PlateLayout;
import org.omerosdk.importer.format.PlatePosition;
import org.omerosdk.importer.format.SeriesMetadata;
import org.omerosdk.importer.format.SeriesRole;
import org.omerosdk.model.FormatException;
import org.omerosdk.model.OmeroException;

/**
 * OME-Zarr (OME-NGFF 0.1 to 0.4 on Zarr v2, 0.5 on Zarr v3), on a filesystem or in any store: a single multiscale
 * image; a bioformats2raw layout (series groups {@code 0}, {@code 1}, ... or as {@code OME/.zattrs} lists them, the
 * OME-XML in {@code OME/METADATA.ome.xml} for names, channels, physical sizes and original metadata); an HCS plate
 * (one series per well field, with its plate position and acquisition); and every image's {@code labels} as
 * associated {@link SeriesRole#SEGMENTATION} series after the images.
 */
public final class OmeZarrReader implements FormatReader {

    @Override
    public String name() {
        return "OME-Zarr";
    }

    @Override
    public Confidence probe(Location location, byte[] head) {
        Location dir = groupOf(location);
        if (dir == null) {
            return Confidence.NO;
        }
        try {
            ZarrHierarchy h = ZarrHierarchy.open(dir);
            JsonNode attrs = h.groupAttributes("").orElse(null);
            if (attrs != null && (attrs.has("multiscales") || attrs.has("plate")
                    || attrs.has("bioformats2raw.layout"))) {
                return Confidence.BY_CONTENT;
            }
        } catch (OmeroException e) {
            // not a readable group: the name may still tell
        }
        return dir.name().endsWith(".zarr") ? Confidence.BY_NAME : Confidence.NO;
    }

    /** The group directory {@code location} names: itself, or the directory of a Zarr metadata file. */
    private static Location groupOf(Location location) {
        if (location.isDirectory()) {
            return location;
        }
        String n = location.name();
        if (n.equals(".zattrs") || n.equals(".zgroup") || n.equals("zarr.json")) {
            return location.parent();
        }
        return null;
    }

    @Override
    public OpenedFileset open(Location location) {
        Location dir = groupOf(location);
        if (dir == null) {
            throw new FormatException(location.describe() + " is a file; an OME-Zarr image is a directory");
        }
        ZarrHierarchy h = ZarrHierarchy.open(dir);
        JsonNode attrs = h.groupAttributes("").orElseThrow(() -> new FormatException(dir.describe()
                + " has no group metadata"));
        List<MetadataEntry> original = new ArrayList<>();
        original.add(new MetadataEntry("zarr_format", Integer.toString(h.zarrFormat())));
        OmeXmlSummary ome = null;
        if (attrs.has("bioformats2raw.layout")) {
            int layout = attrs.path("bioformats2raw.layout").asInt(-1);
            if (layout != 3) {
                throw new FormatException(dir.describe() + " has bioformats2raw.layout " + attrs.path(
                        "bioformats2raw.layout") + "; layout 3 is read");
            }
            original.add(new MetadataEntry("bioformats2raw.layout", "3"));
            Optional<byte[]> xml = h.document("OME/METADATA.ome.xml");
            if (xml.isPresent()) {
                ome = OmeXmlSummary.parse(xml.get(), h.describe("OME/METADATA.ome.xml"));
                original.addAll(ome.original());
            }
        }
        List<NgffImage> images = new ArrayList<>();
        List<PlatePosition> positions = new ArrayList<>();
        List<Integer> omeIndex = new ArrayList<>();
        PlateLayout plate = null;
        Map<String, Integer> seriesListIndex = seriesList(h, dir);
        if (attrs.has("plate")) {
            plate = readPlate(h, attrs.path("plate"), images, positions);
            for (NgffImage im : images) {
                omeIndex.add(seriesListIndex.getOrDefault(im.path, -1));
            }
        } else if (attrs.has("multiscales")) {
            images.add(NgffImage.read(h, "", attrs));
            positions.add(null);
            omeIndex.add(0);
        } else if (attrs.has("bioformats2raw.layout")) {
            List<String> paths = new ArrayList<>(seriesListIndex.keySet());
            if (paths.isEmpty()) {
                for (int i = 0; h.groupAttributes(Integer.toString(i)).isPresent(); i++) {
                    paths.add(Integer.toString(i));
                }
            }
            if (paths.isEmpty()) {
                throw new FormatException(dir.describe() + " is a bioformats2raw layout without series (no group 0)");
            }
            for (int i = 0; i < paths.size(); i++) {
                String p = paths.get(i);
                JsonNode a = h.groupAttributes(p).orElseThrow(() -> new FormatException(h.describe(p)
                        + " is listed as a series but is not a group"));
                images.add(NgffImage.read(h, p, a));
                positions.add(null);
                omeIndex.add(i);
            }
        } else {
            throw new FormatException(dir.describe() + " is a Zarr group without OME-NGFF metadata (no multiscales, "
                    + "plate or bioformats2raw.layout)");
        }
        List<SeriesMetadata> series = new ArrayList<>();
        List<ZarrPixelSource> sources = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            NgffImage im = images.get(i);
            SeriesMetadata.Builder b = im.builder;
            if (positions.get(i) != null) {
                b.platePosition(positions.get(i));
            }
            int k = omeIndex.get(i);
            SeriesMetadata s = b.build();
            if (ome != null && k >= 0 && k < ome.images().size()) {
                s = withOme(s, ome.images().get(k), h.describe(im.path));
            }
            if (s.name().isEmpty()) {
                s = s.toBuilder().name(im.path.isEmpty() ? dir.name() : im.path).build();
            }
            series.add(s);
            sources.add(im.pixels);
        }
        // labels of every image, after the images
        for (NgffImage im : images) {
            String base = im.path.isEmpty() ? "labels" : im.path + "/labels";
            Optional<JsonNode> labels = h.groupAttributes(base);
            if (labels.isEmpty()) {
                continue;
            }
            JsonNode names = labels.get().path("labels");
            for (int i = 0; i < names.size(); i++) {
                String name = NgffImage.checkedPath(names.get(i), h.describe(base) + ": labels[" + i + "]");
                String p = base + "/" + name;
                JsonNode a = h.groupAttributes(p).orElseThrow(() -> new FormatException(h.describe(p)
                        + " is listed in labels but is not a group"));
                NgffImage label = NgffImage.read(h, p, a);
                series.add(label.builder.name(name).role(SeriesRole.SEGMENTATION).build());
                sources.add(label.pixels);
            }
        }
        return new OmeZarrFileset(h, series, sources, original, plate);
    }

    /** bioformats2raw's {@code OME/.zattrs} series list: path to OME Image index. */
    private static Map<String, Integer> seriesList(ZarrHierarchy h, Location dir) {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        Optional<JsonNode> a = h.zarrFormat() == 2 ? h.groupAttributes("OME") : Optional.empty();
        if (a.isPresent() && a.get().path("series").isArray()) {
            JsonNode list = a.get().path("series");
            for (int i = 0; i < list.size(); i++) {
                out.put(NgffImage.checkedPath(list.get(i), h.describe("OME/.zattrs") + ": series[" + i + "]"), i);
            }
        }
        return out;
    }

    private static PlateLayout readPlate(ZarrHierarchy h, JsonNode p, List<NgffImage> images,
                                         List<PlatePosition> positions) {
        String where = h.describe("") + ": plate";
        List<String> rows = names(p.path("rows"), where + ".rows");
        List<String> columns = names(p.path("columns"), where + ".columns");
        List<PlateLayout.Acquisition> acquisitions = new ArrayList<>();
        for (JsonNode a : p.path("acquisitions")) {
            acquisitions.add(new PlateLayout.Acquisition(a.path("id").asLong(), a.path("name").asString("")));
        }
        JsonNode wells = p.path("wells");
        if (!wells.isArray() || wells.isEmpty()) {
            throw new FormatException(where + " lists no wells");
        }
        List<PlateLayout.Well> out = new ArrayList<>();
        int maxFields = 0;
        for (int w = 0; w < wells.size(); w++) {
            JsonNode well = wells.get(w);
            String path = NgffImage.checkedPath(well.path("path"), where + ".wells[" + w + "].path");
            String[] parts = path.split("/");
            int row = well.has("rowIndex") ? well.path("rowIndex").asInt(-1) : rows.indexOf(parts[0]);
            int col = well.has("columnIndex") ? well.path("columnIndex").asInt(-1)
                    : parts.length > 1 ? columns.indexOf(parts[1]) : -1;
            if (row < 0 || row >= rows.size() || col < 0 || col >= columns.size()) {
                throw new FormatException(where + ": well " + path + " is at row " + row + ", column " + col
                        + ", outside the plate's " + rows.size() + " rows and " + columns.size() + " columns");
            }
            JsonNode wattrs = h.groupAttributes(path).orElseThrow(() -> new FormatException(h.describe(path)
                    + " is listed as a well but is not a group")).path("well");
            JsonNode fields = wattrs.path("images");
            if (!fields.isArray()) {
                throw new FormatException(h.describe(path) + " has no well.images list");
            }
            List<Integer> seriesOfWell = new ArrayList<>();
            for (int f = 0; f < fields.size(); f++) {
                JsonNode field = fields.get(f);
                String fp = path + "/" + NgffImage.checkedPath(field.path("path"), h.describe(path) + ": images[" + f
                        + "].path");
                JsonNode a = h.groupAttributes(fp).orElseThrow(() -> new FormatException(h.describe(fp)
                        + " is listed as a field but is not a group"));
                seriesOfWell.add(images.size());
                images.add(NgffImage.read(h, fp, a));
                positions.add(new PlatePosition(row, col, f, field.has("acquisition")
                        ? OptionalLong.of(field.path("acquisition").asLong()) : OptionalLong.empty()));
            }
            maxFields = Math.max(maxFields, fields.size());
            out.add(new PlateLayout.Well(path, row, col, seriesOfWell));
        }
        int fieldCount = p.path("field_count").asInt(maxFields);
        return new PlateLayout(p.path("name").asString(""), rows, columns, out, fieldCount, acquisitions);
    }

    private static List<String> names(JsonNode list, String where) {
        if (!list.isArray() || list.isEmpty()) {
            throw new FormatException(where + " is missing or empty");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode n : list) {
            out.add(n.path("name").asString(""));
        }
        return out;
    }

    /** The series with the OME-XML's image name, channel names and colours, and physical sizes where it has them. */
    private static SeriesMetadata withOme(SeriesMetadata s, OmeXmlSummary.ImageInfo img, String where) {
        SeriesMetadata.Builder b = s.toBuilder();
        img.name().filter(n -> !n.isEmpty()).ifPresent(b::name);
        if (img.physicalSizeX().isPresent() || img.physicalSizeY().isPresent() || img.physicalSizeZ().isPresent()) {
            b.physicalSizes(img.physicalSizeX().or(s::physicalSizeX).orElse(null),
                    img.physicalSizeY().or(s::physicalSizeY).orElse(null),
                    img.physicalSizeZ().or(s::physicalSizeZ).orElse(null));
        }
        List<ChannelMetadata> channels = new ArrayList<>(s.channels());
        for (int c = 0; c < channels.size() && c < img.channels().size(); c++) {
            OmeXmlSummary.ChannelInfo ci = img.channels().get(c);
            ChannelMetadata m = channels.get(c);
            if (ci.name().isPresent()) {
                m = m.withName(ci.name().get());
            }
            if (ci.color().isPresent() && m.color().isEmpty()) {
                m = m.withColor(ci.color().get());
            }
            if (ci.excitation().isPresent() || ci.emission().isPresent()) {
                m = m.withWavelengths(ci.excitation().orElse(null), ci.emission().orElse(null));
            }
            channels.set(c, m);
        }
        b.channels(channels);
        return b.build();
    }

    /** An opened OME-Zarr hierarchy. */
    private static final class OmeZarrFileset implements OpenedFileset {
        private final ZarrHierarchy h;
        private final List<SeriesMetadata> series;
        private final List<ZarrPixelSource> sources;
        private final List<MetadataEntry> original;
        private final PlateLayout plate;
        private volatile List<Location> files;

        OmeZarrFileset(ZarrHierarchy h, List<SeriesMetadata> series, List<ZarrPixelSource> sources,
                       List<MetadataEntry> original, PlateLayout plate) {
            this.h = h;
            this.series = List.copyOf(series);
            this.sources = List.copyOf(sources);
            this.original = List.copyOf(original);
            this.plate = plate;
        }

        @Override
        public String format() {
            return "OME-Zarr";
        }

        @Override
        public List<Location> files() {
            List<Location> f = files;
            if (f == null) {
                List<Location> all = new ArrayList<>();
                for (String rel : h.root().files()) {
                    all.add(h.root().resolve(rel));
                }
                files = f = List.copyOf(all);
            }
            return f;
        }

        @Override
        public List<SeriesMetadata> series() {
            return series;
        }

        @Override
        public List<MetadataEntry> originalMetadata() {
            return original;
        }

        @Override
        public Optional<PlateLayout> plate() {
            return Optional.ofNullable(plate);
        }

        @Override
        public org.omerosdk.render.PixelSource pixels(int index) {
            if (index < 0 || index >= sources.size()) {
                throw new org.omerosdk.model.ValidationException("series " + index + " does not exist; "
                        + h.describe("") + " has series 0.." + (sources.size() - 1));
            }
            return sources.get(index);
        }

        @Override
        public void close() {
        }
    }
}
