package org.omerosdk.imagej;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.util.List;
import org.omerosdk.model.OmeroException;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.sdk.Listing;

/**
 * Plugins › OMERO SDK › Import Current Image...: the current image into one of the datasets the session sees, with
 * the import's progress in the status bar.
 */
public final class ImportCommand implements PlugIn {
    @Override
    public void run(String arg) {
        ImagePlus imp = IJ.getImage();
        if (imp == null) {
            return;
        }
        try {
            List<Dataset> datasets = Listing.all().stream(OmeroSdkIJ.session().containers()::datasets).toList();
            if (datasets.isEmpty()) {
                IJ.showMessage("OMERO SDK", "There is no dataset to import into in this group.");
                return;
            }
            String[] choices = datasets.stream().map(d -> d.name() + " [" + d.id() + "]").toArray(String[]::new);
            GenericDialog gd = new GenericDialog("Import into OMERO");
            gd.addChoice("Dataset", choices, choices[0]);
            gd.showDialog();
            if (gd.wasCanceled()) {
                return;
            }
            Dataset target = datasets.get(gd.getNextChoiceIndex());
            var image = OmeroSdkIJ.importImage(imp, target.id());
            IJ.showStatus("OMERO SDK: \"" + imp.getTitle() + "\" is now " + image + " in " + target.name());
        } catch (OmeroException e) {
            IJ.error("OMERO SDK", e.getMessage());
        }
    }
}
