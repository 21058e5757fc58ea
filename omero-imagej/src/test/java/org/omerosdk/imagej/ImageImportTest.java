package org.omerosdk.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.io.Opener;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.Pixels;
import org.omerosdk.model.fs.OriginalFile;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.sdk.Listing;

/**
 * The current image into a dataset: an unsaved (or edited) image written as an ImageJ TIFF, an unchanged one from the
 * file it came from; pixels, dimensions and calibration as ImageJ held them; refusals store nothing.
 */
class ImageImportTest {
    @TempDir
    static Path tmp;
    static TestRepository repo;
    static Dataset dataset;

    @BeforeAll
    static void open() {
        repo = TestRepository.open(tmp);
        dataset = repo.root.containers().createDataset("from ImageJ");
    }

    @AfterAll
    static void close() {
        repo.close();
    }

    private static void assertSamePixels(ImagePlus expected, ImagePlus actual) {
        assertEquals(List.of(expected.getWidth(), expected.getHeight(), expected.getNChannels(),
                expected.getNSlices(), expected.getNFrames(), expected.getBitDepth()), List.of(actual.getWidth(),
                actual.getHeight(), actual.getNChannels(), actual.getNSlices(), actual.getNFrames(),
                actual.getBitDepth()));
        for (int n = 1; n <= expected.getStackSize(); n++) {
            assertTrue(java.util.Arrays.equals((short[]) expected.getStack().getPixels(n),
                    (short[]) actual.getStack().getPixels(n)), "plane " + n);
        }
    }

    @Test
    void anUnsavedImageIsImportedWithItsPixelsDimensionsAndCalibration() {
        ImagePlus imp = TestRepository.knownHyperstack("unsaved / measured: 1", 16, 12, 9, 2, 3, 2);
        Image image = OmeroSdkIJ.importImage(imp, dataset.id());
        assertEquals("unsaved _ measured_ 1.tif", image.name());
        assertTrue(repo.root.containers().images(dataset, Listing.all()).stream()
                .anyMatch(i -> i.id() == image.id()), "in the dataset");
        Pixels px = repo.root.images().primaryPixels(image);
        assertEquals(0.25, px.physicalSizeX().orElseThrow().value(), 1e-9);
        assertEquals(1.5, px.physicalSizeZ().orElseThrow().value(), 1e-9);
        assertSamePixels(imp, OmeroSdkIJ.open(image.id()));
        assertTrue(!imp.changes && imp.getOriginalFileInfo() == null, "the image itself is left as it was");
    }

    @Test
    void anUnchangedImageOpenedFromAFileIsImportedFromThatFile() {
        Path file = tmp.resolve("on disk.tif");
        new FileSaver(TestRepository.knownHyperstack("on disk", 16, 8, 6, 1, 2, 1)).saveAsTiff(file.toString());
        ImagePlus imp = new Opener().openImage(file.toString());
        Image image = OmeroSdkIJ.importImage(imp, dataset.id());
        List<OriginalFile> files = repo.root.images().originalFiles(image);
        assertEquals(List.of("on disk.tif"), files.stream().map(OriginalFile::name).toList());
        assertSamePixels(imp, OmeroSdkIJ.open(image.id()));
        // once edited, the image as ImageJ holds it is imported, not the file
        imp.getStack().getProcessor(1).set(0, 0, 4321);
        imp.changes = true;
        Image edited = OmeroSdkIJ.importImage(imp, dataset.id());
        assertEquals(4321, OmeroSdkIJ.open(edited.id()).getStack().getProcessor(1).get(0, 0));
    }

    @Test
    void refusalsImportNothing() {
        long before = repo.root.containers().countImages(dataset);
        Image stored = repo.importImage(repo.root, TestRepository.knownHyperstack("stored", 16, 8, 6, 1, 1, 1));
        ImagePlus fromOmero = OmeroSdkIJ.open(stored.id());
        ValidationException again = assertThrows(ValidationException.class,
                () -> OmeroSdkIJ.importImage(fromOmero, dataset.id()));
        assertTrue(again.getMessage().contains("Image:" + stored.id()), again.getMessage());

        ExperimenterGroup readOnly = repo.group("ro-" + System.nanoTime(), Permissions.Level.READ_ONLY);
        String owner = "owner" + System.nanoTime();
        String member = "member" + System.nanoTime();
        repo.user(owner, readOnly);
        repo.user(member, readOnly);
        Dataset others;
        try (var asOwner = repo.root.sudo(owner)) {
            others = asOwner.containers().createDataset("owner's");
        }
        try (var asMember = repo.root.sudo(member)) {
            ImageImport in = new ImageImport(asMember);
            assertThrows(SecurityViolation.class, () -> in.importInto(
                    TestRepository.knownHyperstack("member's", 16, 8, 6, 1, 1, 1), others.id()));
        }
        assertEquals(0, repo.root.containers().countImages(others), "nothing imported into the refused dataset");
        assertEquals(before, repo.root.containers().countImages(dataset));
    }

    @Test
    void titlesBecomeSafeFileNames() {
        assertEquals("a_b_c.tif", ImageImport.fileName("a/b\\c.tif"));
        assertEquals("_hidden.tif", ImageImport.fileName("..hidden"));
        assertEquals("image.tif", ImageImport.fileName(" "));
        assertEquals("x_y.tif", ImageImport.fileName("x\u0000y.TIFF"));
        assertEquals(204, ImageImport.fileName("n".repeat(500)).length());
    }
}
