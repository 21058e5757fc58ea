package org.omerosdk.examples.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.omerosdk.model.PixelType;
import org.omerosdk.render.PixelSource;
import org.omerosdk.render.codec.tiff.TiffTags;
import org.omerosdk.render.codec.tiff.TiffWriter;

/**
 * Writes sample OME-TIFF files of synthetic pixels, as a microscope's acquisition software would: one striped,
 * uncompressed IFD per plane (XYZCT), and OME-XML in the first IFD naming the channels (names, wavelengths,
 * colours), the instrument (microscope, objective, detector, one laser per channel), the settings each channel was
 * acquired with, and each plane's exposure, time and stage position. Used by {@code omero demo} and by
 * {@code benchmarks/run import}; BigTIFF is chosen when the file would exceed 4 GB.
 */
public final class SampleOmeTiff {
    /** One image of the file; {@code channelNames} and {@code emissionNm} have one entry per channel. */
    public record Series(String name, PixelSource pixels, List<String> channelNames, double[] emissionNm,
                         double physicalSizeUm) {
        public Series {
            channelNames = List.copyOf(channelNames);
            emissionNm = emissionNm.clone();
            if (channelNames.size() != pixels.sizeC() || emissionNm.length != pixels.sizeC()) {
                throw new IllegalArgumentException("series " + name + ": " + pixels.sizeC() + " channels but "
                        + channelNames.size() + " names and " + emissionNm.length + " wavelengths");
            }
        }
    }

    /** Colours of the channels, by emission: blue, green, red, then magenta (OMERO's RGBA as a signed int). */
    private static final int[] COLORS = {0x0000FFFF, 0x00FF00FF, 0xFF0000FF, 0xFF00FFFF};
    private static final long CLASSIC_LIMIT = 0xF000_0000L;

    private SampleOmeTiff() {
    }

    /** The demo's acquisition: {@link SyntheticCells} in three channels (DAPI, Membrane, Spots). */
    public static Series cells(int width, int height) {
        return new Series("cells", new SyntheticCells(width, height, SampleAcquisition.CHANNELS.length),
                List.of(SampleAcquisition.CHANNELS), SampleAcquisition.EMISSION_NM, 0.325);
    }

    /** Writes {@code series} to {@code file} (through a temporary file beside it, moved into place at the end). */
    public static void write(Path file, List<Series> series) {
        long bytes = 0;
        for (Series s : series) {
            PixelSource p = s.pixels();
            bytes += (long) p.sizeX(0) * p.sizeY(0) * p.pixelType().bytesPerPixel() * p.sizeZ() * p.sizeC()
                    * p.sizeT();
        }
        boolean big = bytes > CLASSIC_LIMIT;
        Path temp = file.resolveSibling("." + file.getFileName() + ".part");
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                TiffWriter out = new TiffWriter(ch, big);
                List<List<TiffWriter.Entry>> ifds = new ArrayList<>();
                for (Series s : series) {
                    PixelSource p = s.pixels();
                    ByteBuffer plane = ByteBuffer.allocate(p.sizeX(0) * p.sizeY(0) * p.pixelType().bytesPerPixel())
                            .order(ByteOrder.LITTLE_ENDIAN);
                    for (int t = 0; t < p.sizeT(); t++) {
                        for (int c = 0; c < p.sizeC(); c++) {
                            for (int z = 0; z < p.sizeZ(); z++) {
                                plane.clear();
                                p.readRegion(0, z, c, t, 0, 0, p.sizeX(0), p.sizeY(0), plane);
                                plane.flip();
                                long offset = out.writeBlock(plane);
                                ifds.add(entries(out, p, offset, plane.capacity(),
                                        ifds.isEmpty() ? omeXml(series) : null));
                            }
                        }
                    }
                }
                long next = 0;
                for (int i = ifds.size() - 1; i >= 0; i--) {
                    next = out.writeIfd(ifds.get(i), next);
                }
                out.writeHeader(next);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the write failure is the one to report
            }
            throw new UncheckedIOException("writing " + file + " failed: " + e.getMessage(), e);
        }
    }

    private static List<TiffWriter.Entry> entries(TiffWriter out, PixelSource p, long offset, long count,
                                                  String description) {
        PixelType type = p.pixelType();
        List<TiffWriter.Entry> e = new ArrayList<>();
        e.add(TiffWriter.Entry.of(TiffTags.NEW_SUBFILE_TYPE, TiffWriter.LONG, 0));
        e.add(TiffWriter.Entry.of(TiffTags.IMAGE_WIDTH, TiffWriter.LONG, p.sizeX(0)));
        e.add(TiffWriter.Entry.of(TiffTags.IMAGE_LENGTH, TiffWriter.LONG, p.sizeY(0)));
        e.add(TiffWriter.Entry.of(TiffTags.BITS_PER_SAMPLE, TiffWriter.SHORT, type.bytesPerPixel() * 8L));
        e.add(TiffWriter.Entry.of(TiffTags.COMPRESSION, TiffWriter.SHORT, TiffTags.COMPRESSION_NONE));
        e.add(TiffWriter.Entry.of(TiffTags.PHOTOMETRIC, TiffWriter.SHORT, TiffTags.PHOTOMETRIC_BLACK_IS_ZERO));
        if (description != null) {
            e.add(TiffWriter.Entry.ascii(TiffTags.IMAGE_DESCRIPTION, description));
        }
        e.add(TiffWriter.Entry.of(TiffTags.STRIP_OFFSETS, out.offsetType(), offset));
        e.add(TiffWriter.Entry.of(TiffTags.SAMPLES_PER_PIXEL, TiffWriter.SHORT, 1));
        e.add(TiffWriter.Entry.of(TiffTags.ROWS_PER_STRIP, TiffWriter.LONG, p.sizeY(0)));
        e.add(TiffWriter.Entry.of(TiffTags.STRIP_BYTE_COUNTS, out.offsetType(), count));
        e.add(TiffWriter.Entry.of(TiffTags.PLANAR_CONFIGURATION, TiffWriter.SHORT, 1));
        e.add(TiffWriter.Entry.of(TiffTags.SAMPLE_FORMAT, TiffWriter.SHORT,
                type.isFloatingPoint() ? 3 : type.isSigned() ? 2 : 1));
        return e;
    }

    /** The OME-XML of the whole file (first IFD's ImageDescription). */
    static String omeXml(List<Series> series) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<OME xmlns=\"http://www.openmicroscopy.org/Schemas/OME/2016-06\" Creator=\"omero-sdk demo\">");
        int maxChannels = series.stream().mapToInt(s -> s.pixels().sizeC()).max().orElse(0);
        x.append("<Instrument ID=\"Instrument:0\">")
                .append("<Microscope Manufacturer=\"omero-sdk\" Model=\"Synthetic 1\" Type=\"Inverted\"/>");
        for (int c = 0; c < maxChannels; c++) {
            x.append(fmt("<Laser ID=\"LightSource:0:%d\" Manufacturer=\"omero-sdk\" Model=\"Diode %d\" Power=\"%s\" "
                            + "PowerUnit=\"mW\" Type=\"SemiconductorLaser\" Wavelength=\"%s\" WavelengthUnit=\"nm\"/>",
                    c, c, 20 + 5 * c, num(excitation(series, c))));
        }
        x.append("<Detector ID=\"Detector:0:0\" Manufacturer=\"omero-sdk\" Model=\"sCMOS 2048\" Type=\"CMOS\" "
                + "Gain=\"1.0\"/>");
        x.append("<Objective ID=\"Objective:0:0\" Manufacturer=\"omero-sdk\" Model=\"Plan Apo 63x\" "
                + "NominalMagnification=\"63.0\" LensNA=\"1.4\" Immersion=\"Oil\" Correction=\"PlanApo\" "
                + "WorkingDistance=\"0.14\" WorkingDistanceUnit=\"mm\"/>");
        x.append("</Instrument>");
        int ifd = 0;
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            PixelSource p = s.pixels();
            int planes = p.sizeZ() * p.sizeC() * p.sizeT();
            x.append(fmt("<Image ID=\"Image:%d\" Name=\"%s\">", i, escape(s.name())))
                    .append("<AcquisitionDate>2026-12-02T09:30:00</AcquisitionDate>")
                    .append("<InstrumentRef ID=\"Instrument:0\"/>")
                    .append("<ObjectiveSettings ID=\"Objective:0:0\" Medium=\"Oil\" RefractiveIndex=\"1.515\"/>")
                    .append(fmt("<Pixels ID=\"Pixels:%d\" DimensionOrder=\"XYZCT\" Type=\"%s\" SizeX=\"%d\" "
                                    + "SizeY=\"%d\" SizeZ=\"%d\" SizeC=\"%d\" SizeT=\"%d\" PhysicalSizeX=\"%s\" "
                                    + "PhysicalSizeXUnit=\"µm\" PhysicalSizeY=\"%s\" PhysicalSizeYUnit=\"µm\" "
                                    + "BigEndian=\"false\">", i, p.pixelType().omeroName(), p.sizeX(0), p.sizeY(0),
                            p.sizeZ(), p.sizeC(), p.sizeT(), num(s.physicalSizeUm()), num(s.physicalSizeUm())));
            for (int c = 0; c < p.sizeC(); c++) {
                x.append(fmt("<Channel ID=\"Channel:%d:%d\" Name=\"%s\" SamplesPerPixel=\"1\" Color=\"%d\" "
                                + "EmissionWavelength=\"%s\" EmissionWavelengthUnit=\"nm\" ExcitationWavelength=\"%s\" "
                                + "ExcitationWavelengthUnit=\"nm\" AcquisitionMode=\"WideField\" "
                                + "IlluminationType=\"Epifluorescence\" ContrastMethod=\"Fluorescence\">",
                        i, c, escape(s.channelNames().get(c)), COLORS[Math.min(c, COLORS.length - 1)],
                        num(s.emissionNm()[c]), num(s.emissionNm()[c] - 60)))
                        .append(fmt("<DetectorSettings ID=\"Detector:0:0\" Binning=\"1x1\" Gain=\"%s\"/>",
                                num(1.0 + c)))
                        .append(fmt("<LightSourceSettings ID=\"LightSource:0:%d\" Attenuation=\"0.1\"/>", c))
                        .append("</Channel>");
            }
            x.append(fmt("<TiffData IFD=\"%d\" PlaneCount=\"%d\"/>", ifd, planes));
            for (int t = 0; t < p.sizeT(); t++) {
                for (int c = 0; c < p.sizeC(); c++) {
                    for (int z = 0; z < p.sizeZ(); z++) {
                        x.append(fmt("<Plane TheZ=\"%d\" TheC=\"%d\" TheT=\"%d\" DeltaT=\"%s\" DeltaTUnit=\"s\" "
                                        + "ExposureTime=\"%s\" ExposureTimeUnit=\"ms\" PositionX=\"%s\" "
                                        + "PositionXUnit=\"µm\" PositionY=\"%s\" PositionYUnit=\"µm\" PositionZ=\"%s\" "
                                        + "PositionZUnit=\"µm\"/>", z, c, t, num(t * 60.0 + c * 0.5),
                                num(50.0 + 25 * c), num(1000.0 + 100 * i), num(2000.0), num(z * 0.5)));
                    }
                }
            }
            x.append("</Pixels></Image>");
            ifd += planes;
        }
        return x.append("</OME>").toString();
    }

    private static double excitation(List<Series> series, int c) {
        for (Series s : series) {
            if (c < s.emissionNm().length) {
                return s.emissionNm()[c] - 60;
            }
        }
        return 488;
    }

    private static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) + ".0" : Double.toString(v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
