package org.omerosdk.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ImageProcessor;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.core.Image;
import org.omerosdk.render.PixelSource;

/**
 * An image larger than this JVM's heap (surefire runs this class alone with -Xmx128m) opens as a virtual hyperstack
 * whose every plane reads right, at full resolution or from a pyramid level.
 */
class VirtualStackTest {
    static final int W = 2048;
    static final int H = 2048;
    static final int C = 2;
    static final int Z = 4;
    static final int T = 3;

    @TempDir
    static Path tmp;
    static TestRepository repo;
    static Image big;

    @BeforeAll
    static void importBigImage() {
        // planes over 1024 pixels get a pyramid at import: 2048, 1024, 512, ...
        repo = TestRepository.open(tmp, b -> b.set(ConfigKeys.PIXELDATA_MAX_PLANE_WIDTH, "1024")
                .set(ConfigKeys.PIXELDATA_MAX_PLANE_HEIGHT, "1024"));
        big = repo.importImage(repo.root, TestRepository.generatedHyperstack("big", W, H, C, Z, T));
    }

    @AfterAll
    static void close() {
        repo.close();
    }

    @Test
    void theImageIsLargerThanTheHeap() {
        assertTrue((long) W * H * 2 * C * Z * T > Runtime.getRuntime().maxMemory(),
                "the test needs an image larger than the heap; surefire's -Xmx for this class is too large");
    }

    @Test
    void everyPlaneReadsRightThroughTheVirtualStack() {
        // too large for the heap, so open() gives a virtual stack; an 8 MiB plane is within an eighth of the 128 MiB
        // heap, so at full resolution
        ImagePlus opened = OmeroSdkIJ.open(big.id());
        OmeroVirtualStack first = assertInstanceOf(OmeroVirtualStack.class, opened.getStack());
        assertEquals(0, first.level());
        // an image never shown is closed without ImageJ telling its listeners: its planes go with its stack
        first.close();
        ImagePlus imp = OmeroSdkIJ.openVirtual(big.id(), 0);
        OmeroVirtualStack stack = assertInstanceOf(OmeroVirtualStack.class, imp.getStack());
        assertEquals(0, stack.level());
        assertEquals(W, imp.getWidth());
        assertEquals(C, imp.getNChannels());
        assertEquals(Z, imp.getNSlices());
        assertEquals(T, imp.getNFrames());
        assertTrue(stack.cacheBytes() < Runtime.getRuntime().maxMemory());
        long cacheLimit = stack.cacheBytes() / ((long) W * H * 2);
        for (int t = 0; t < T; t++) {
            for (int z = 0; z < Z; z++) {
                for (int c = 0; c < C; c++) {
                    ImageProcessor ip = stack.getProcessor(imp.getStackIndex(c + 1, z + 1, t + 1));
                    for (int y = 0; y < H; y += 1) {
                        for (int x = 0; x < W; x += 1) {
                            if (ip.get(x, y) != TestRepository.value(x, y, c, z, t)) {
                                assertEquals(TestRepository.value(x, y, c, z, t), ip.get(x, y),
                                        "pixel " + x + "," + y + " of c=" + c + " z=" + z + " t=" + t);
                            }
                        }
                    }
                    assertTrue(stack.cachedPlanes() <= cacheLimit, stack.cachedPlanes() + " planes cached");
                }
            }
        }
        imp.close();
    }

    @Test
    void imagesThatAreNeverClosedDoNotKeepTheirPlanes() {
        // each open image caches planes of 8 MiB and ImageJ's listener list is static: a strong reference from it
        // kept every forgotten image, and ten of them do not fit in this heap
        for (int i = 0; i < 10; i++) {
            ImagePlus imp = OmeroSdkIJ.openVirtual(big.id(), 0);
            ImageProcessor ip = imp.getStack().getProcessor(imp.getStackIndex(1, 1 + i % Z, 1));
            assertEquals(TestRepository.value(7, 9, 0, i % Z, 0), ip.get(7, 9));
        }
    }

    @Test
    void aForgottenImageAndItsStackAreCollected() throws InterruptedException {
        WeakReference<ImageStack> stack = openAndForget();
        for (int i = 0; i < 50 && stack.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(stack.get(), "nothing may keep the stack of an image nobody holds (ImageJ's static listeners)");
    }

    private static WeakReference<ImageStack> openAndForget() {
        ImagePlus imp = OmeroSdkIJ.openVirtual(big.id(), 0);
        imp.getStack().getProcessor(1);
        return new WeakReference<>(imp.getStack());
    }

    @Test
    void aPlaneReadTwiceComesFromTheCacheAndEditsDoNotReachIt() {
        ImagePlus imp = OmeroSdkIJ.openVirtual(big.id(), 0);   // the values below are level 0's
        OmeroVirtualStack stack = assertInstanceOf(OmeroVirtualStack.class, imp.getStack());
        int n = imp.getStackIndex(2, 3, 2);
        ImageProcessor first = stack.getProcessor(n);
        long hits = stack.cacheHits();
        first.set(5, 5, 0);
        ImageProcessor second = stack.getProcessor(n);
        assertEquals(hits + 1, stack.cacheHits());
        assertEquals(TestRepository.value(5, 5, 1, 2, 1), second.get(5, 5));
        assertThrows(ValidationException.class, () -> stack.deleteSlice(1));
        assertTrue(stack.cachedPlanes() > 0);
        // headless ImageJ tells no listener when a window-less image closes: the stack is released by close() or,
        // for an image nobody closes, when it is collected (aForgottenImageAndItsStackAreCollected)
        imp.close();
        stack.close();
        assertEquals(0, stack.cachedPlanes());
    }

    @Test
    void aPyramidLevelOpensWithItsOwnSizeCalibrationAndPixels() {
        ImagePlus imp = OmeroSdkIJ.openVirtual(big.id(), 1);
        assertEquals(W / 2, imp.getWidth());
        assertEquals(H / 2, imp.getHeight());
        assertEquals("1", imp.getProp(ImageOpener.LEVEL));
        assertEquals(0.5, imp.getCalibration().pixelWidth, 1e-9);
        assertEquals(0.5, imp.getCalibration().pixelHeight, 1e-9);
        ImageProcessor ip = imp.getStack().getProcessor(imp.getStackIndex(2, 4, 3));
        for (int y = 0; y < H / 2; y += 13) {
            for (int x = 0; x < W / 2; x += 11) {
                // the 2x2 mean of value(): value(2x, 2y) + (0 + 1 + 7 + 8) / 4
                assertEquals(TestRepository.value(2 * x, 2 * y, 1, 3, 2) + 4, ip.get(x, y), x + "," + y);
            }
        }
        imp.close();
        assertThrows(ValidationException.class, () -> OmeroSdkIJ.openVirtual(big.id(), 99));
    }

    @Test
    void theLevelChosenIsTheLargestWhosePlanesFitInAnEighthOfTheMaximumHeap() {
        try (PixelSource source = repo.root.images().pixels(big)) {
            long level0 = (long) W * H * 2;
            assertEquals(0, ImageOpener.levelThatFits(source, 8 * level0));
            assertEquals(1, ImageOpener.levelThatFits(source, 8 * level0 - 1));
            assertEquals(1, ImageOpener.levelThatFits(source, 2 * level0));
            assertEquals(2, ImageOpener.levelThatFits(source, 2 * level0 - 1));
            ValidationException tooSmall = assertThrows(ValidationException.class,
                    () -> ImageOpener.levelThatFits(source, 16));
            assertTrue(tooSmall.getMessage().contains("maximum heap"), tooSmall.getMessage());
        }
    }
}
