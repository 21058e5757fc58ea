package org.omerosdk.examples.cli;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.omerosdk.importer.format.ChannelMetadata;
import org.omerosdk.importer.format.FormatReaders;
import org.omerosdk.importer.format.OpenedFileset;
import org.omerosdk.importer.format.PlateLayout;
import org.omerosdk.importer.format.SeriesMetadata;
import org.omerosdk.importer.format.SeriesRole;
import org.omerosdk.model.OmeroException;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.units.Length;
import org.omerosdk.model.units.UnitsLength;
import org.omerosdk.model.units.UnitsTime;
import org.omerosdk.render.PixelSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code omero info FILE... [--json] [--planes]}: what the format readers see in each file, like Bio-Formats'
 * {@code showinf}. The JSON uses the field names of {@code ../shared/testdata/expected.json}; with several files it
 * prints one JSON object per line. A file that cannot be read is reported ({@code {"file": ..., "error": ...}}
 * in JSON) and the exit code is {@link OmeroCli#EXIT_FAILED}, after the other files have been reported.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print the series, sizes, pixel type, channels, physical sizes and resolution levels the "
                + "format readers see in each FILE (a file, or an OME-Zarr directory).")
final class InfoCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Image files or OME-Zarr directories.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--json", description = "One JSON object per file (expected.json's field names).")
    boolean json;

    @Option(names = "--planes", description = "Also read every plane of level 0: min, max, sum and sha256_le "
            + "(SHA-256 of the plane, row-major, little-endian, native type).")
    boolean planes;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FormatReaders readers = FormatReaders.discover();
        int code = 0;
        for (Path file : files) {
            ObjectNode report;
            try (OpenedFileset f = readers.open(file)) {
                report = describe(file, f);
            } catch (OmeroException | java.io.UncheckedIOException e) {
                report = JSON.createObjectNode().put("file", file.toString()).put("error", message(e));
                code = OmeroCli.EXIT_FAILED;
            }
            if (json) {
                out.println(report.toString());
            } else if (report.has("error")) {
                out.flush();
                err.println("omero: " + file + ": " + report.get("error").asString());
                err.flush();
            } else {
                printText(out, report);
            }
        }
        out.flush();
        return code;
    }

    private static String message(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    private ObjectNode describe(Path file, OpenedFileset f) {
        ObjectNode root = JSON.createObjectNode();
        root.put("file", file.toString());
        root.put("format", f.format());
        Optional<PlateLayout> plate = f.plate();
        if (plate.isPresent()) {
            PlateLayout p = plate.get();
            ObjectNode pn = root.putObject("plate");
            pn.put("name", p.name());
            ArrayNode rows = pn.putArray("rows");
            p.rowNames().forEach(rows::add);
            ArrayNode cols = pn.putArray("columns");
            p.columnNames().forEach(cols::add);
            ArrayNode wells = pn.putArray("wells");
            for (PlateLayout.Well w : p.wells()) {
                wells.addObject().put("path", w.path()).put("rowIndex", w.row()).put("columnIndex", w.column());
            }
            pn.put("fields", p.fieldCount());
            ArrayNode acq = pn.putArray("acquisitions");
            p.acquisitions().forEach(a -> acq.addObject().put("id", a.id()));
        }
        ArrayNode series = root.putArray("series");
        for (int i = 0; i < f.series().size(); i++) {
            SeriesMetadata s = f.series().get(i);
            ObjectNode n = series.addObject();
            n.put("name", s.name());
            if (s.role() != SeriesRole.IMAGE) {
                n.put("role", s.role().name().toLowerCase(Locale.ROOT));
            }
            n.put("sizeX", s.sizeX()).put("sizeY", s.sizeY()).put("sizeZ", s.sizeZ()).put("sizeC", s.sizeC())
                    .put("sizeT", s.sizeT());
            n.put("pixelType", s.pixelType().omeroName());
            n.put("dimensionOrder", s.dimensionOrder().name());
            n.put("rgb", s.rgb());
            ArrayNode names = n.putArray("channelNames");
            for (ChannelMetadata c : s.channels()) {
                if (c.name().isPresent()) {
                    names.add(c.name().get());
                } else {
                    names.addNull();
                }
            }
            putLength(n, "physicalSizeX_um", s.physicalSizeX());
            putLength(n, "physicalSizeY_um", s.physicalSizeY());
            putLength(n, "physicalSizeZ_um", s.physicalSizeZ());
            if (s.timeIncrement().isPresent()) {
                n.put("timeIncrement_s", s.timeIncrement().get().to(UnitsTime.SECOND).value());
            }
            n.put("resolutionLevels", s.resolutionLevels());
            ArrayNode levels = n.putArray("levelSizesXY");
            for (SeriesMetadata.LevelSize l : s.levels()) {
                levels.addArray().add(l.sizeX()).add(l.sizeY());
            }
            s.platePosition().ifPresent(p -> n.putObject("platePosition").put("row", p.row())
                    .put("column", p.column()).put("field", p.field()));
            if (planes) {
                ArrayNode list = n.putArray("planes");
                PixelSource px = f.pixels(i);
                for (int t = 0; t < s.sizeT(); t++) {
                    for (int c = 0; c < s.sizeC(); c++) {
                        for (int z = 0; z < s.sizeZ(); z++) {
                            planeStatistics(px.readPlane(z, c, t), s.pixelType(), list.addObject()
                                    .put("z", z).put("c", c).put("t", t));
                        }
                    }
                }
            }
        }
        return root;
    }

    private static void putLength(ObjectNode n, String field, Optional<Length> l) {
        if (l.isPresent() && !l.get().unit().equals(UnitsLength.PIXEL)
                && !l.get().unit().equals(UnitsLength.REFERENCEFRAME)) {
            n.put(field, l.get().to(UnitsLength.MICROMETER).value());
        } else {
            n.putNull(field);
        }
    }

    /** min, max and sum over the plane's native values (signed types signed) and its little-endian SHA-256. */
    static void planeStatistics(ByteBuffer plane, PixelType type, ObjectNode into) {
        ByteBuffer b = plane.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        md.update(b.duplicate());
        int n = b.remaining() / type.bytesPerPixel();
        if (type.isFloatingPoint()) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double v = type == PixelType.FLOAT ? b.getFloat() : b.getDouble();
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
            into.put("min", min).put("max", max).put("sum", sum);
        } else {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            long sum = 0;
            for (int i = 0; i < n; i++) {
                long v;
                switch (type) {
                    case INT8: v = b.get(); break;
                    case UINT8: case BIT: v = b.get() & 0xff; break;
                    case INT16: v = b.getShort(); break;
                    case UINT16: v = b.getShort() & 0xffff; break;
                    case INT32: v = b.getInt(); break;
                    default: v = b.getInt() & 0xffffffffL; break;
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
            into.put("min", min).put("max", max).put("sum", sum);
        }
        into.put("sha256_le", HexFormat.of().formatHex(md.digest()));
    }

    private static void printText(PrintWriter out, ObjectNode r) {
        out.printf("%s: %s, %d series%n", r.get("file").asString(), r.get("format").asString(), r.get("series").size());
        if (r.has("plate")) {
            ObjectNode p = (ObjectNode) r.get("plate");
            out.printf("  plate \"%s\": %d rows x %d columns, %d wells, %d fields per well%n", p.get("name").asString(),
                    p.get("rows").size(), p.get("columns").size(), p.get("wells").size(), p.get("fields").asInt());
        }
        int i = 0;
        for (var node : r.get("series")) {
            ObjectNode s = (ObjectNode) node;
            out.printf("  series %d \"%s\"%s: %d x %d, Z %d, C %d, T %d, %s, %s%s%n", i++, s.get("name").asString(),
                    s.has("role") ? " (" + s.get("role").asString() + ")" : "", s.get("sizeX").asInt(),
                    s.get("sizeY").asInt(), s.get("sizeZ").asInt(), s.get("sizeC").asInt(), s.get("sizeT").asInt(),
                    s.get("pixelType").asString(), s.get("dimensionOrder").asString(),
                    s.get("rgb").asBoolean() ? ", RGB" : "");
            List<String> names = new ArrayList<>();
            s.get("channelNames").forEach(c -> names.add(c.isNull() ? "(unnamed)" : c.asString()));
            out.println("    channels: " + String.join(", ", names));
            List<String> sizes = new ArrayList<>();
            for (String axis : new String[] {"X", "Y", "Z"}) {
                var v = s.get("physicalSize" + axis + "_um");
                if (v != null && !v.isNull()) {
                    sizes.add(axis + " " + v.asDouble() + " µm");
                }
            }
            out.println("    physical size: " + (sizes.isEmpty() ? "unknown" : String.join(", ", sizes))
                    + (s.has("timeIncrement_s") ? ", time increment " + s.get("timeIncrement_s").asDouble() + " s"
                    : ""));
            List<String> levels = new ArrayList<>();
            s.get("levelSizesXY").forEach(l -> levels.add(l.get(0).asInt() + "x" + l.get(1).asInt()));
            out.println("    levels: " + String.join(", ", levels));
            if (s.has("platePosition")) {
                var p = s.get("platePosition");
                out.printf("    well row %d, column %d, field %d%n", p.get("row").asInt(), p.get("column").asInt(),
                        p.get("field").asInt());
            }
            if (s.has("planes")) {
                for (var p : s.get("planes")) {
                    out.printf("    plane z=%d c=%d t=%d: min %s max %s sum %s sha256_le %s%n", p.get("z").asInt(),
                            p.get("c").asInt(), p.get("t").asInt(), p.get("min"), p.get("max"), p.get("sum"),
                            p.get("sha256_le").asString());
                }
            }
        }
    }
}
