package org.omerosdk.imagej;

import ij.IJ;
import ij.ImagePlus;
import java.nio.file.Path;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.core.Image;
import org.omerosdk.sdk.Session;

/**
 * What FijiClassPathTest runs inside a class loader that holds Fiji's library versions before the plugin jar: opening
 * a repository (Flyway, Hibernate, Jackson 3), an HQL query and a write, an import and an open. Uses only what the
 * plugin jar and ImageJ hold.
 */
public final class FijiClassPathProbe {
    private FijiClassPathProbe() {
    }

    public static String run(String dataDirectory) {
        OmeroSdkIJ.openDataDirectory(Path.of(dataDirectory));
        try {
            Session root = OmeroSdkIJ.loginAsRoot();
            Dataset dataset = root.containers().createDataset("from Fiji");
            ImagePlus made = IJ.createImage("probe", "16-bit ramp", 32, 24, 1);
            Image image = OmeroSdkIJ.importImage(made, dataset.id());
            ImagePlus opened = OmeroSdkIJ.open(image.id());
            return opened.getWidth() + "x" + opened.getHeight() + " images=" + root.containers().countImages(dataset)
                    + " pixel=" + opened.getStack().getProcessor(1).get(16, 0) + "/" + made.getProcessor().get(16, 0);
        } finally {
            OmeroSdkIJ.close();
        }
    }
}
