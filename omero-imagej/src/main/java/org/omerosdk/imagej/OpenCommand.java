package org.omerosdk.imagej;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import org.omerosdk.model.OmeroException;

/** Plugins › OMERO SDK › Open Image...: opens an image by id and shows it. */
public final class OpenCommand implements PlugIn {
    @Override
    public void run(String arg) {
        try {
            long id;
            if (arg != null && !arg.isBlank()) {
                id = Long.parseLong(arg.trim());
            } else {
                GenericDialog gd = new GenericDialog("Open OMERO image");
                gd.addNumericField("Image id", 0, 0);
                gd.showDialog();
                if (gd.wasCanceled()) {
                    return;
                }
                id = (long) gd.getNextNumber();
            }
            IJ.showStatus("OMERO SDK: opening Image:" + id);
            OmeroSdkIJ.open(id).show();
        } catch (OmeroException | NumberFormatException e) {
            IJ.error("OMERO SDK", e.getMessage());
        }
    }
}
