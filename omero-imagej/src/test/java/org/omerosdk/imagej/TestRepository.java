package org.omerosdk.imagej;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.measure.Calibration;
import ij.process.ImageProcessor;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.sdk.ImportResult;
import org.omerosdk.sdk.OmeroSdk;
import org.omerosdk.sdk.Session;

/**
 * A fresh embedded repository handed to {@link OmeroSdkIJ} (fast password hashing), with the root session logged in,
 * and images of known pixels written by ImageJ and imported through the SDK's pipeline.
 */
final class TestRepository implements AutoCloseable {
    static final char[] PASSWORD = "pw".toCharArray();

    final Path dir;
    final Session root;

    private TestRepository(Path dir, UnaryOperator<OmeroSdk.Builder> more) {
        this.dir = dir;
        OmeroSdkIJ.use(more.apply(OmeroSdk.builder().dataDirectory(dir.resolve("data")).passwordHashIterations(1000)
                .rootPassword("root-pw".toCharArray())).open(), "test repository");
        this.root = OmeroSdkIJ.loginAsRoot();
    }

    static TestRepository open(Path dir) {
        return new TestRepository(dir, UnaryOperator.identity());
    }

    static TestRepository open(Path dir, UnaryOperator<OmeroSdk.Builder> more) {
        return new TestRepository(dir, more);
    }

    ExperimenterGroup group(String name, Permissions.Level level) {
        return root.admin().createGroup(name, level);
    }

    Experimenter user(String name, ExperimenterGroup... groups) {
        Experimenter e = root.admin().createUser(name, name, "Test", groups);
        root.admin().setPassword(e, PASSWORD);
        return e;
    }

    /** The pixel value of the test images at (x, y, c, z, t): distinct for every plane and row. */
    static int value(int x, int y, int c, int z, int t) {
        return x + 7 * y + 1000 * c + 100 * z + 10000 * t;
    }

    /** An ImageJ hyperstack of {@code bitDepth} filled with {@link #value} (negated for 32-bit). */
    static ImagePlus knownHyperstack(String name, int bitDepth, int w, int h, int sizeC, int sizeZ, int sizeT) {
        ImagePlus imp = IJ.createHyperStack(name, w, h, sizeC, sizeZ, sizeT, bitDepth);
        for (int t = 0; t < sizeT; t++) {
            for (int z = 0; z < sizeZ; z++) {
                for (int c = 0; c < sizeC; c++) {
                    ImageProcessor ip = imp.getStack().getProcessor(imp.getStackIndex(c + 1, z + 1, t + 1));
                    for (int y = 0; y < h; y++) {
                        for (int x = 0; x < w; x++) {
                            int v = value(x, y, c, z, t);
                            if (bitDepth == 8) {
                                ip.set(x, y, v & 0xFF);
                            } else if (bitDepth == 32) {
                                ip.setf(x, y, -v / 4f);
                            } else {
                                ip.set(x, y, v);
                            }
                        }
                    }
                }
            }
        }
        Calibration cal = imp.getCalibration();
        cal.pixelWidth = 0.25;
        cal.pixelHeight = 0.5;
        cal.pixelDepth = 1.5;
        cal.setUnit("micron");
        cal.frameInterval = 2.5;
        cal.setTimeUnit("sec");
        return imp;
    }

    /**
     * A virtual ImageJ hyperstack computing {@link #value} plane by plane (16-bit), for writing images larger than
     * the heap.
     */
    static ImagePlus generatedHyperstack(String name, int w, int h, int sizeC, int sizeZ, int sizeT) {
        ij.VirtualStack stack = new ij.VirtualStack(w, h, null, null) {
            @Override
            public ImageProcessor getProcessor(int n) {
                int i = n - 1;
                int c = i % sizeC;
                int z = i / sizeC % sizeZ;
                int t = i / (sizeC * sizeZ);
                short[] px = new short[w * h];
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        px[y * w + x] = (short) value(x, y, c, z, t);
                    }
                }
                return new ij.process.ShortProcessor(w, h, px, null);
            }

            @Override
            public int getSize() {
                return sizeC * sizeZ * sizeT;
            }

            @Override
            public String getSliceLabel(int n) {
                return null;
            }
        };
        stack.setBitDepth(16);
        ImagePlus imp = new ImagePlus(name, stack);
        imp.setDimensions(sizeC, sizeZ, sizeT);
        imp.setOpenAsHyperStack(true);
        imp.getCalibration().pixelWidth = 0.25;
        imp.getCalibration().pixelHeight = 0.25;
        imp.getCalibration().setUnit("micron");
        return imp;
    }

    /** Writes {@code imp} as an ImageJ TIFF and imports it as {@code session}. */
    Image importImage(Session session, ImagePlus imp, org.omerosdk.sdk.ImportOptions... options) {
        Path file = dir.resolve(imp.getTitle() + ".tif");
        if (!new FileSaver(imp).saveAsTiff(file.toString())) {
            throw new IllegalStateException("ImageJ could not write " + file);
        }
        ImportResult r = session.imports().importFiles(List.of(file), options);
        if (!r.ok()) {
            throw new IllegalStateException("import failed: " + r.failures());
        }
        return r.images().get(0);
    }

    @Override
    public void close() {
        OmeroSdkIJ.close();
    }
}
