package org.omerosdk.examples.demo;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.omerosdk.model.DimensionOrder;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.core.Channel;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.LogicalChannel;
import org.omerosdk.model.core.Pixels;
import org.omerosdk.model.units.Length;
import org.omerosdk.importer.NewImage;

/** The demo's sample acquisition: the synthetic cells of {@link SyntheticCells}, one 16-bit PNG per channel. */
final class SampleAcquisition {
    static final String[] CHANNELS = {"DAPI", "Membrane", "Spots"};
    static final double[] EMISSION_NM = {461, 520, 610};

    private SampleAcquisition() {
    }

    /** Writes the channels as {@code cells_C0.png} ... into {@code dir}. */
    static List<Path> write(Path dir, int width, int height) throws IOException {
        SyntheticCells cells = new SyntheticCells(width, height, CHANNELS.length);
        List<Path> files = new ArrayList<>();
        for (int c = 0; c < CHANNELS.length; c++) {
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
            WritableRaster raster = img.getRaster();
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    raster.setSample(x, y, 0, SyntheticCells.value(c, x, y));
                }
            }
            Path f = dir.resolve("cells_C" + c + ".png");
            ImageIO.write(img, "png", f.toFile());
            files.add(f);
        }
        return files;
    }

    /** The image the files hold, as the model records it. */
    static NewImage describe(String name, int width, int height) {
        Pixels px = new Pixels(PixelType.UINT16, DimensionOrder.XYCZT, width, height, 1, CHANNELS.length, 1);
        px.setPhysicalSizeX(Length.micrometers(0.325));
        px.setPhysicalSizeY(Length.micrometers(0.325));
        List<Channel> channels = new ArrayList<>();
        for (int c = 0; c < CHANNELS.length; c++) {
            LogicalChannel lc = new LogicalChannel(CHANNELS[c]);
            lc.setEmissionWave(Length.nanometers(EMISSION_NM[c]));
            channels.add(new Channel(lc));
        }
        return new NewImage(new Image(name), px, channels);
    }

    /** The minimum and maximum of channel {@code c}, as import statistics would record them. */
    static int[] minMax(SyntheticCells cells, int c) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int y = 0; y < cells.sizeY(0); y++) {
            for (int x = 0; x < cells.sizeX(0); x++) {
                int v = SyntheticCells.value(c, x, y);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return new int[] {min, max};
    }

    static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a scratch folder in the temp directory; the OS cleans it eventually
        }
    }
}
