package org.omerosdk.imagej;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import org.omerosdk.model.OmeroException;

/**
 * Plugins › OMERO SDK › Load ROIs ({@code "load"}) and Save ROIs... ({@code "save"}): the current image's OMERO
 * ROIs into its overlay, and its overlay back as ROIs (replacing the loaded ones, or added beside them).
 */
public final class RoiCommand implements PlugIn {
    @Override
    public void run(String arg) {
        ImagePlus imp = IJ.getImage();
        if (imp == null) {
            return;
        }
        try {
            if ("save".equals(arg)) {
                GenericDialog gd = new GenericDialog("Save ROIs to OMERO");
                gd.addCheckbox("Replace the ROIs loaded from OMERO", true);
                gd.showDialog();
                if (gd.wasCanceled()) {
                    return;
                }
                int n = OmeroSdkIJ.saveRois(imp, gd.getNextBoolean());
                IJ.showStatus("OMERO SDK: saved " + n + " ROIs");
            } else {
                int n = OmeroSdkIJ.loadRois(imp);
                imp.updateAndDraw();
                IJ.showStatus("OMERO SDK: loaded " + n + " shapes");
            }
        } catch (OmeroException e) {
            IJ.error("OMERO SDK", e.getMessage());
        }
    }
}
