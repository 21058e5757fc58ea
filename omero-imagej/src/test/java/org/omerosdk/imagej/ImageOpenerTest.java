package org.omerosdk.imagej;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.measure.Calibration;
import ij.process.ImageProcessor;
import ij.process.LUT;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.Rgba;
import org.omerosdk.model.display.RenderingDef;
import org.omerosdk.render.LookupTable;
import org.omerosdk.render.RenderingSettings;

class ImageOpenerTest {
    static final int W = 37;
    static final int H = 23;

    @TempDir
    static Path tmp;
    static TestRepository repo;

    @BeforeAll
    static void open() {
        repo = TestRepository.open(tmp);
    }

    @AfterAll
    static void close() {
        repo.close();
    }

    private Image imported16(String name) {
        return repo.importImage(repo.root, TestRepository.knownHyperstack(name, 16, W, H, 3, 4, 2));
    }

    @Test
    void everyPlaneOpensAtItsXycztPositionWithItsPixels() {
        Image image = imported16("known16");
        ImagePlus imp = OmeroSdkIJ.open(image.id());
        assertEquals(3, imp.getNChannels());
        assertEquals(4, imp.getNSlices());
        assertEquals(2, imp.getNFrames());
        assertTrue(imp.isHyperStack());
        assertEquals(16, imp.getBitDepth());
        assertEquals(W, imp.getWidth());
        assertEquals(H, imp.getHeight());
        for (int t = 0; t < 2; t++) {
            for (int z = 0; z < 4; z++) {
                for (int c = 0; c < 3; c++) {
                    // XYCZT: channel fastest, then z, then t
                    int index = 1 + c + 3 * z + 12 * t;
                    assertEquals(index, imp.getStackIndex(c + 1, z + 1, t + 1));
                    ImageProcessor ip = imp.getStack().getProcessor(index);
                    for (int y = 0; y < H; y++) {
                        for (int x = 0; x < W; x++) {
                            assertEquals(TestRepository.value(x, y, c, z, t), ip.get(x, y),
                                    "pixel " + x + "," + y + " of c=" + c + " z=" + z + " t=" + t);
                        }
                    }
                }
            }
        }
    }

    @Test
    void eightBitAndFloatImagesKeepTheirValues() {
        Image bytes = repo.importImage(repo.root, TestRepository.knownHyperstack("known8", 8, W, H, 1, 2, 1));
        Image floats = repo.importImage(repo.root, TestRepository.knownHyperstack("known32", 32, W, H, 2, 1, 1));
        ImagePlus b = OmeroSdkIJ.open(bytes.id());
        ImagePlus f = OmeroSdkIJ.open(floats.id());
        assertEquals(8, b.getBitDepth());
        assertEquals(32, f.getBitDepth());
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                assertEquals(TestRepository.value(x, y, 0, 1, 0) & 0xFF,
                        b.getStack().getProcessor(b.getStackIndex(1, 2, 1)).get(x, y));
                assertEquals(-TestRepository.value(x, y, 1, 0, 0) / 4f,
                        f.getStack().getProcessor(f.getStackIndex(2, 1, 1)).getf(x, y));
            }
        }
    }

    @Test
    void calibrationComesFromThePhysicalSizesAndTheTimeIncrement() {
        Calibration cal = OmeroSdkIJ.open(imported16("calibrated").id()).getCalibration();
        assertEquals(0.25, cal.pixelWidth, 1e-9);
        assertEquals(0.5, cal.pixelHeight, 1e-9);
        assertEquals(1.5, cal.pixelDepth, 1e-9);
        assertEquals("µm", cal.getUnit());
        assertEquals(2.5, cal.frameInterval, 1e-9);
        assertEquals("sec", cal.getTimeUnit());
    }

    @Test
    void theImportsSettingsShowEachChannelFromItsMinimumToItsMaximum() {
        CompositeImage ci = assertInstanceOf(CompositeImage.class, OmeroSdkIJ.open(imported16("imported").id()));
        assertEquals(CompositeImage.COMPOSITE, ci.getMode());
        int[][] colors = {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}};
        for (int c = 0; c < 3; c++) {
            LUT lut = ci.getChannelLut(c + 1);
            assertEquals(TestRepository.value(0, 0, c, 0, 0), lut.min, 1e-9, "window start of channel " + c);
            assertEquals(TestRepository.value(W - 1, H - 1, c, 3, 1), lut.max, 1e-9, "window end of channel " + c);
            assertArrayEquals(colors[c], top(lut), "colour of channel " + c);
        }
    }

    @Test
    void savedSettingsGiveTheLutsDisplayRangesActiveChannelsAndPlane() {
        Image image = imported16("saved");
        RenderingSettings imported = repo.root.renderings().load(image).orElseThrow();
        RenderingSettings mine = imported
                .withChannel(0, imported.channels().get(0).withColor(Rgba.of(255, 0, 255)).withWindow(100, 900))
                .withChannel(1, imported.channels().get(1).withColor(Rgba.of(0, 255, 255)).withWindow(2000, 3000)
                        .withActive(false))
                .withChannel(2, imported.channels().get(2).withLookupTable(LookupTable.standard(
                        LookupTable.standardNames().get(0))).withWindow(5, 60000))
                .withDefaultPlane(2, 1);
        repo.root.renderings().save(image, mine);

        CompositeImage ci = assertInstanceOf(CompositeImage.class, OmeroSdkIJ.open(image.id()));
        assertArrayEquals(new int[] {255, 0, 255}, top(ci.getChannelLut(1)));
        assertArrayEquals(new int[] {0, 255, 255}, top(ci.getChannelLut(2)));
        LookupTable table = LookupTable.standard(LookupTable.standardNames().get(0));
        LUT third = ci.getChannelLut(3);
        for (int i = 0; i < 256; i += 51) {
            assertEquals(table.rgb(i), third.getRGB(i) & 0xFFFFFF, "entry " + i + " of the lookup table");
        }
        assertEquals(100, ci.getChannelLut(1).min, 1e-9);
        assertEquals(900, ci.getChannelLut(1).max, 1e-9);
        assertEquals(2000, ci.getChannelLut(2).min, 1e-9);
        assertEquals(3000, ci.getChannelLut(2).max, 1e-9);
        assertEquals(5, ci.getChannelLut(3).min, 1e-9);
        assertEquals(60000, ci.getChannelLut(3).max, 1e-9);
        assertArrayEquals(new boolean[] {true, false, true}, java.util.Arrays.copyOf(ci.getActiveChannels(), 3));
        assertEquals(3, ci.getSlice());
        assertEquals(2, ci.getFrame());
    }

    @Test
    void greyscaleSettingsOpenInGrayscaleMode() {
        Image image = imported16("grey");
        RenderingSettings imported = repo.root.renderings().load(image).orElseThrow();
        repo.root.renderings().save(image, imported.withModel(RenderingSettings.Model.GREYSCALE)
                .withChannel(0, imported.channels().get(0).withActive(false)));
        CompositeImage ci = assertInstanceOf(CompositeImage.class, OmeroSdkIJ.open(image.id()));
        assertEquals(CompositeImage.GRAYSCALE, ci.getMode());
        assertEquals(2, ci.getChannel(), "the first active channel is shown");
    }

    @Test
    void withoutSavedSettingsTheImportedDefaultsApply() {
        Image image = imported16("unsaved");
        for (RenderingDef rd : repo.root.renderings().all(image)) {
            repo.root.renderings().delete(rd);
        }
        CompositeImage ci = assertInstanceOf(CompositeImage.class, OmeroSdkIJ.open(image.id()));
        int[][] colors = {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}};
        for (int c = 0; c < 3; c++) {
            assertEquals(TestRepository.value(0, 0, c, 0, 0), ci.getChannelLut(c + 1).min, 1e-9);
            assertEquals(TestRepository.value(W - 1, H - 1, c, 3, 1), ci.getChannelLut(c + 1).max, 1e-9);
            assertArrayEquals(colors[c], top(ci.getChannelLut(c + 1)));
        }
        assertEquals(3, ci.getSlice(), "OMERO's default section is sizeZ / 2, 0-based: 2 of 4, ImageJ's slice 3");
    }

    @Test
    void oneChannelOpensAsAPlainImageWithItsLutAndDisplayRange() {
        Image image = repo.importImage(repo.root, TestRepository.knownHyperstack("single", 16, W, H, 1, 3, 1));
        ImagePlus imp = OmeroSdkIJ.open(image.id());
        assertFalse(imp.isComposite());
        assertEquals(TestRepository.value(0, 0, 0, 0, 0), imp.getDisplayRangeMin(), 1e-9);
        assertEquals(TestRepository.value(W - 1, H - 1, 0, 2, 0), imp.getDisplayRangeMax(), 1e-9);
    }

    @Test
    void theTitlePropertiesAndSliceLabelsNameTheImageAndItsChannels() {
        Image image = imported16("named");
        ImagePlus imp = OmeroSdkIJ.open(image.id());
        assertEquals("named.tif", imp.getTitle());
        assertEquals(String.valueOf(image.id()), imp.getProp(ImageOpener.ID));
        assertEquals("named.tif", imp.getProp(ImageOpener.NAME));
        assertEquals(String.valueOf(image.details().groupId().orElseThrow()), imp.getProp(ImageOpener.GROUP));
        assertEquals("0,1,2", imp.getProp(ImageOpener.CHANNELS));
        assertEquals("1", imp.getStack().getSliceLabel(imp.getStackIndex(2, 3, 2)));
    }

    @Test
    void whetherAnImageOpensInMemoryDependsOnTheMaximumHeapAloneAtAQuarterOfIt() {
        Image image = imported16("budget");
        long bytes = (long) W * H * 2 * 3 * 4 * 2;
        // exactly at the boundary: any use of the momentary free memory (always below the maximum) would tip it
        ImagePlus inMemory = new ImageOpener(repo.root, 4 * bytes).open(image.id());
        assertFalse(inMemory.getStack().isVirtual(), "a quarter of the heap fits");
        ImagePlus virtual = new ImageOpener(repo.root, 4 * bytes - 1).open(image.id());
        OmeroVirtualStack stack = assertInstanceOf(OmeroVirtualStack.class, virtual.getStack());
        assertEquals(0, stack.level());
        assertEquals((4 * bytes - 1) / 8, stack.cacheBytes(), "an eighth of the heap for the cache");
        virtual.close();
    }

    /** The colour a LUT gives its brightest entry. */
    private static int[] top(LUT lut) {
        int rgb = lut.getRGB(255);
        return new int[] {rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF};
    }
}
