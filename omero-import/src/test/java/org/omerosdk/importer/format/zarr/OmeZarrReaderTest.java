package org.omerosdk.importer.format.zarr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.importer.format.FormatReader;
import org.omerosdk.importer.format.FormatReaders;
import org.omerosdk.importer.format.Location;
import org.omerosdk.importer.format.MetadataEntry;
import org.omerosdk.importer.format.OpenedFileset;
import org.omerosdk.importer.format.PlateLayout;
import org.omerosdk.importer.format.SeriesMetadata;
import org.omerosdk.importer.format.SeriesRole;
import org.omerosdk.model.FormatException;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.store.BinaryStore;
import org.omerosdk.model.store.MemoryBinaryStore;
import org.omerosdk.s3.S3ProxyServer;
import org.omerosdk.model.units.UnitsLength;
import org.omerosdk.render.PixelSource;

/** The OME-Zarr reader on the four real OME-Zarr trees of ../shared/testdata and on damaged copies. */
class OmeZarrReaderTest {
    static final Path TESTDATA = Path.of(System.getProperty("omerosdk.repo.root", "."), "../shared/testdata")
            .normalize();
    static final Path BF2RAW = TESTDATA.resolve(
            "BMCV__galaxy-image-analysis/tools/bioformats2raw/test-data/xyz_8bit__mitotic_plate_calibrated.ome.zarr");
    static final Path PLATE = TESTDATA.resolve("ome__ome-zarr-py/tests/data/bf2raw/plate-rows-2.zarr");
    static final Path V05 = TESTDATA.resolve("BioImageTools__ome-zarr-fiji-java/test-shared/resources/ome/zarr/"
            + "testdata/5d_testing/5d_dataset_v5.ome.zarr");
    static final Path LABELS = TESTDATA.resolve("fractal-analytics-platform__ngio/tests/data/v04/images/"
            + "test_image_czyx.zarr");

    static OpenedFileset open(Path p) {
        return new OmeZarrReader().open(Location.of(p));
    }

    static String sha256(ByteBuffer b) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(b.duplicate());
        return HexFormat.of().formatHex(md.digest());
    }

    static double um(Optional<org.omerosdk.model.units.Length> l) {
        return l.orElseThrow().to(UnitsLength.MICROMETER).value();
    }

    @Test
    void probesOmeZarrDirectoriesByContentAndIsFoundByServiceLoader() {
        for (Path p : List.of(BF2RAW, PLATE, V05, LABELS)) {
            assertEquals(FormatReader.Confidence.BY_CONTENT, new OmeZarrReader().probe(Location.of(p), new byte[0]), p
                    .toString());
            assertEquals("OME-Zarr", FormatReaders.discover().probe(Location.of(p)).orElseThrow().name());
        }
        assertEquals(FormatReader.Confidence.NO, new OmeZarrReader().probe(Location.of(TESTDATA), new byte[0]));
    }

    @Test
    void bioformats2rawLayoutTakesNamesAndSizesFromTheOmeXmlAndChannelsFromTheOmeroBlock() throws Exception {
        try (OpenedFileset f = open(BF2RAW)) {
            assertEquals(1, f.series().size());
            SeriesMetadata s = f.series().get(0);
            assertEquals("input", s.name());
            assertEquals(263, s.sizeX());
            assertEquals(6, s.sizeZ());
            assertEquals(PixelType.UINT8, s.pixelType());
            assertEquals(List.of(new SeriesMetadata.LevelSize(263, 263), new SeriesMetadata.LevelSize(131, 131)),
                    s.levels());
            assertEquals(0.08519643016734027, um(s.physicalSizeX()), 1e-15);
            assertEquals(3.0, um(s.physicalSizeZ()), 1e-12);
            assertEquals(Optional.of("Channel 0"), s.channels().get(0).name());
            assertTrue(s.originalMetadata().contains(new MetadataEntry("omero.channels[0].window",
                    "start=3.0 end=162.0 min=3.0 max=162.0")), s.originalMetadata().toString());
            assertEquals(1333, f.originalMetadata().size() - 2);   // the annotations, zarr_format and layout
            assertEquals("782bebd80eb13929b32cda27dd814c0a2f39560202206b1a9f2031c0eeefeb5b",
                    sha256(f.pixels(0).readPlane(1, 0, 0)));
            assertEquals(87, f.files().size());
        }
    }

    @Test
    void aPlateHasOneSeriesPerFieldWithItsWellPosition() {
        try (OpenedFileset f = open(PLATE)) {
            PlateLayout p = f.plate().orElseThrow();
            assertEquals("Plate Name 0", p.name());
            assertEquals(List.of("A", "B"), p.rowNames());
            assertEquals(List.of("1"), p.columnNames());
            assertEquals(1, p.fieldCount());
            assertEquals(List.of(new PlateLayout.Well("A/1", 0, 0, List.of(0)),
                    new PlateLayout.Well("B/1", 1, 0, List.of(1))), p.wells());
            assertEquals(List.of(0L), p.acquisitions().stream().map(PlateLayout.Acquisition::id).toList());
            assertEquals(List.of("my", "my 2"), f.series().stream().map(SeriesMetadata::name).toList());
            SeriesMetadata b = f.series().get(1);
            assertEquals(1, b.platePosition().orElseThrow().row());
            assertEquals(0, b.platePosition().orElseThrow().field());
            assertEquals(0L, b.platePosition().orElseThrow().acquisition().getAsLong());
            assertEquals(Optional.of("Name"), b.channels().get(0).name());
            assertEquals(2, b.resolutionLevels());
            ByteBuffer plane = f.pixels(1).readPlane(0, 0, 0);
            long sum = 0;
            while (plane.hasRemaining()) {
                sum += plane.get() & 0xff;
            }
            assertEquals(33_411_210, sum);
        }
    }

    @Test
    void ngff05OnZarrV3CropsChunksLargerThanTheLevelAndToleratesADefaultZBeyondTheStack() {
        try (OpenedFileset f = open(V05)) {
            SeriesMetadata s = f.series().get(0);
            assertEquals("image", s.name());
            assertEquals(List.of(4, 3, 16), List.of(s.sizeT(), s.sizeC(), s.sizeZ()));
            assertEquals(List.of("lynEGFP", "NLStdTomato", "lynEGFP"),
                    s.channels().stream().map(c -> c.name().orElseThrow()).toList());
            assertTrue(s.physicalSizeX().isEmpty(), "axes without units give no physical size");
            assertTrue(s.originalMetadata().contains(new MetadataEntry("omero.rdefs.defaultZ", "71")));
            PixelSource px = f.pixels(0);
            ByteBuffer b = ByteBuffer.allocate(32 * 32);
            px.readRegion(1, 15, 2, 3, 0, 0, 32, 32, b);   // level 1 has 8 planes: z 15 is its plane 7
            assertEquals(32 * 32, b.position());
            ByteBuffer one = ByteBuffer.allocate(1);
            px.readRegion(0, 15, 2, 3, 63, 63, 1, 1, one);
            assertEquals(104, one.get(0) & 0xff);
        }
    }

    @Test
    void labelsAreSegmentationSeriesAfterTheImageAndMissingChunksReadAsZero() {
        try (OpenedFileset f = open(LABELS)) {
            assertEquals(2, f.series().size());
            SeriesMetadata image = f.series().get(0);
            assertEquals(SeriesRole.IMAGE, image.role());
            assertEquals(List.of(1, 2, 3), List.of(image.sizeT(), image.sizeC(), image.sizeZ()));
            assertEquals(0.5, um(image.physicalSizeX()), 0);
            assertEquals(2.0, um(image.physicalSizeZ()), 0);
            SeriesMetadata label = f.series().get(1);
            assertEquals(SeriesRole.SEGMENTATION, label.role());
            assertEquals("label", label.name());
            assertEquals(List.of(1, 1, 3), List.of(label.sizeT(), label.sizeC(), label.sizeZ()));
            ByteBuffer plane = f.pixels(1).readPlane(2, 0, 0);
            while (plane.hasRemaining()) {
                assertEquals(0, plane.get());
            }
        }
    }

    @Test
    void readsTheSameFromAMemoryStoreAsFromTheFilesystem() throws Exception {
        sameThroughAStore(new MemoryBinaryStore(), PLATE);
    }

    @Test
    void readsTheSameFromS3AsFromTheFilesystem() throws Exception {
        try (BinaryStore s3 = S3ProxyServer.shared().newStore()) {
            sameThroughAStore(s3, PLATE);
            sameThroughAStore(s3, V05);
            sameThroughAStore(s3, LABELS);
        }
    }

    /** Copies the tree into {@code store} and opens it there: the same series, the same pixels. */
    static void sameThroughAStore(BinaryStore store, Path tree) throws Exception {
        String key = "trees/" + tree.getFileName();
        int count = 0;
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                store.put(key + "/" + tree.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                count++;
            }
        }
        try (OpenedFileset a = open(tree); OpenedFileset b = new OmeZarrReader().open(Location.of(store, key))) {
            assertEquals(a.series().size(), b.series().size());
            for (int s = 0; s < a.series().size(); s++) {
                // the name of a tree without one is its directory's name, the same in both
                assertEquals(a.series().get(s), b.series().get(s));
                SeriesMetadata m = a.series().get(s);
                for (int z = 0; z < m.sizeZ(); z++) {
                    assertEquals(sha256(a.pixels(s).readPlane(z, m.sizeC() - 1, m.sizeT() - 1)),
                            sha256(b.pixels(s).readPlane(z, m.sizeC() - 1, m.sizeT() - 1)));
                }
            }
            assertEquals(count, b.files().size());
        }
    }

    @Test
    void damagedMetadataIsAFormatExceptionNamingTheFile(@TempDir Path tmp) throws Exception {
        Path copy = copyTree(LABELS, tmp.resolve("img.zarr"));
        Files.writeString(copy.resolve("0/.zarray"), "{\"zarr_format\":2,\"shape\":[2,3,64,64],\"chunks\":[2,3,64],"
                + "\"dtype\":\"|u1\",\"compressor\":null,\"fill_value\":0,\"order\":\"C\",\"filters\":null}");
        FormatException e = assertThrows(FormatException.class, () -> open(copy));
        assertTrue(e.getMessage().contains("0/.zarray") && e.getMessage().contains("chunks"), e.getMessage());
        Files.delete(copy.resolve("0/.zarray"));
        e = assertThrows(FormatException.class, () -> open(copy));
        assertTrue(e.getMessage().contains("0/.zarray") && e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void anAbsurdChunkShapeIsRefusedWithoutAllocating(@TempDir Path tmp) throws Exception {
        Path copy = copyTree(LABELS, tmp.resolve("img.zarr"));
        Files.writeString(copy.resolve("0/.zarray"), "{\"zarr_format\":2,\"shape\":[2,3,40000,40000],"
                + "\"chunks\":[1,1,40000,40000],\"dtype\":\"<u2\",\"compressor\":null,\"fill_value\":0,"
                + "\"order\":\"C\",\"filters\":null}");
        FormatException e = assertThrows(FormatException.class, () -> open(copy));
        assertTrue(e.getMessage().contains("MiB"), e.getMessage());
    }

    @Test
    void aCorruptChunkFailsTheReadNotTheOpen(@TempDir Path tmp) throws Exception {
        Path copy = copyTree(BF2RAW, tmp.resolve("img.zarr"));
        Path chunk = copy.resolve("0/0/0/0/0/1/1");
        byte[] b = Files.readAllBytes(chunk);
        for (int i = 40; i < b.length; i += 3) {
            b[i] ^= 0x5a;
        }
        Files.write(chunk, b);
        try (OpenedFileset f = open(copy)) {
            assertFalse(f.series().isEmpty());
            FormatException e = assertThrows(FormatException.class, () -> f.pixels(0).readPlane(0, 0, 0));
            assertTrue(e.getMessage().contains("0/0/0/0/0/1/1"), e.getMessage());
        }
    }

    static Path copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }
}
