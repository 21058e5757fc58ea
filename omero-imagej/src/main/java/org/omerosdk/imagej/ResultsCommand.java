package org.omerosdk.imagej;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import java.util.List;
import org.omerosdk.model.OmeroException;

/**
 * Plugins › OMERO SDK › Save Results... ({@code "save"}) and Load Results... ({@code "load"}): the Results table as
 * a CSV attachment (with its summary) on the current image's OMERO image, and a saved table back into a window.
 */
public final class ResultsCommand implements PlugIn {
    @Override
    public void run(String arg) {
        ImagePlus imp = IJ.getImage();
        if (imp == null) {
            return;
        }
        try {
            if ("save".equals(arg)) {
                GenericDialog gd = new GenericDialog("Save Results to OMERO");
                gd.addStringField("File name", "Results.csv", 30);
                gd.showDialog();
                if (gd.wasCanceled()) {
                    return;
                }
                var saved = OmeroSdkIJ.saveResults(imp, ResultsTable.getResultsTable(), gd.getNextString());
                IJ.showStatus("OMERO SDK: saved the results as FileAnnotation " + saved.id());
            } else {
                List<String> names = OmeroSdkIJ.resultsTables(imp);
                if (names.isEmpty()) {
                    IJ.showMessage("OMERO SDK", "No results tables are saved on \"" + imp.getTitle() + "\".");
                    return;
                }
                GenericDialog gd = new GenericDialog("Load Results from OMERO");
                gd.addChoice("Table", names.toArray(new String[0]), names.get(names.size() - 1));
                gd.showDialog();
                if (gd.wasCanceled()) {
                    return;
                }
                String name = gd.getNextChoice();
                OmeroSdkIJ.loadResults(imp, name).show(name);
            }
        } catch (OmeroException e) {
            IJ.error("OMERO SDK", e.getMessage());
        }
    }
}
