package org.omerosdk.imagej;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileInfo;
import ij.io.FileSaver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.omerosdk.model.StorageException;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.core.Image;
import org.omerosdk.sdk.ImportListener;
import org.omerosdk.sdk.ImportOptions;
import org.omerosdk.sdk.ImportProgress;
import org.omerosdk.sdk.ImportResult;
import org.omerosdk.sdk.Session;

/**
 * Imports an open ImageJ image into a dataset through the SDK's import pipeline: the file it was opened from when it
 * is unchanged and still there, otherwise the image as ImageJ holds it, written as an ImageJ TIFF (which keeps the
 * hyperstack's dimensions, calibration, channel LUTs and display ranges, and which the import reads). Progress goes
 * to ImageJ's status bar.
 */
final class ImageImport {
    private final Session session;

    ImageImport(Session session) {
        this.session = session;
    }

    /**
     * The image (the first, for a file of several series) imported from {@code imp} into dataset {@code datasetId}.
     *
     * @throws ValidationException when {@code imp} is an unchanged image opened from the repository (it is there
     *                             already) or is virtual and unsaved
     */
    Image importInto(ImagePlus imp, long datasetId) {
        Dataset dataset = session.get(Dataset.class, datasetId);
        Object fromOmero = imp.getProp(ImageOpener.ID);
        if (fromOmero != null && !imp.changes) {
            throw new ValidationException("\"" + imp.getTitle() + "\" is Image:" + fromOmero + " of the repository, "
                    + "unchanged: there is nothing new to import");
        }
        Path original = unchangedOriginal(imp);
        if (original != null) {
            return imported(session.imports().importFiles(List.of(original), ImportOptions.target(dataset),
                    ImportOptions.listener(new StatusBar())), original);
        }
        if (imp.getStack().isVirtual()) {
            throw new ValidationException("\"" + imp.getTitle() + "\" is a virtual stack with no unchanged file "
                    + "behind it: save it as a TIFF first, then import that file");
        }
        try (TemporaryDirectory dir = TemporaryDirectory.create("import")) {
            Path file = dir.resolve(fileName(imp.getTitle()));
            // a copy, so that saving does not change the image's own file info (its title, directory, "changes")
            ImagePlus copy = imp.duplicate();
            copy.setTitle(imp.getTitle());
            copy.setProperties(imp.getPropertiesAsArray());
            if (!new FileSaver(copy).saveAsTiff(file.toString())) {
                throw new StorageException("ImageJ could not write \"" + imp.getTitle() + "\" to " + file);
            }
            return imported(session.imports().importFiles(List.of(file), ImportOptions.target(dataset),
                    ImportOptions.listener(new StatusBar())), file);
        }
    }

    /** The file {@code imp} was opened from, when it was opened from one file, is unchanged and still exists. */
    static Path unchangedOriginal(ImagePlus imp) {
        FileInfo fi = imp.getOriginalFileInfo();
        if (imp.changes || fi == null || fi.fileName == null || fi.directory == null || fi.fileName.isBlank()
                || fi.url != null && !fi.url.isBlank()) {
            return null;
        }
        Path p = Path.of(fi.directory, fi.fileName);
        return Files.isRegularFile(p) ? p : null;
    }

    /** {@code title} as a file name: what file systems refuse replaced, ".tif" appended. */
    static String fileName(String title) {
        String base = title == null || title.isBlank() ? "image" : title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        if (base.toLowerCase(java.util.Locale.ROOT).matches(".*\\.tiff?$")) {
            base = base.replaceAll("(?i)\\.tiff?$", "");
        }
        base = base.replaceAll("^[.\\s]+", "_");
        if (base.length() > 200) {
            base = base.substring(0, 200);
        }
        return base + ".tif";
    }

    private static Image imported(ImportResult r, Path file) {
        IJ.showProgress(1.0);
        if (!r.ok()) {
            throw r.failures().get(0).error().orElseGet(() -> new StorageException("the import of " + file
                    + " failed"));
        }
        if (r.images().isEmpty()) {
            throw new ValidationException(file + " holds no image");
        }
        IJ.showStatus("OMERO SDK: imported " + r.images().get(0));
        return r.images().get(0);
    }

    /** The import's steps in ImageJ's status bar and its progress bar. */
    private static final class StatusBar implements ImportListener {
        @Override
        public void progress(ImportProgress p) {
            IJ.showStatus("OMERO SDK: " + p.step() + " " + p.fileset().getFileName());
            if (p.total() > 0) {
                IJ.showProgress((double) p.done() / p.total());
            }
        }
    }
}
