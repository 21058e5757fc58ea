package org.omerosdk.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.WindowManager;
import ij.macro.Interpreter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.model.roi.Rectangle;
import org.omerosdk.model.roi.Shape;
import org.omerosdk.sdk.ImportOptions;
import org.omerosdk.sdk.Session;

/**
 * Real ImageJ macros, run by ImageJ's own interpreter (headless), calling the {@code Ext.omero*} functions: what a
 * macro sees, what it writes, and how a refusal stops it.
 */
class MacroExtensionsTest {
    static final int W = 13;
    static final int H = 9;
    /** The headless way to install the functions (the menu command needs ImageJ's menus: see the Xvfb test). */
    static final String REGISTER = "call(\"org.omerosdk.imagej.OmeroMacroExtensions.register\");\n";

    @TempDir
    Path tmp;
    TestRepository repo;
    ExperimenterGroup lab;
    ExperimenterGroup other;
    Dataset dataset;
    List<Image> inDataset;
    Image outside;
    Image othersImage;

    @BeforeEach
    void open() {
        repo = TestRepository.open(tmp);
        lab = repo.group("lab", Permissions.Level.PRIVATE);
        other = repo.group("other", Permissions.Level.PRIVATE);
        repo.user("ada", lab, other);
        repo.user("bob", other);
        Session ada = OmeroSdkIJ.login("ada", TestRepository.PASSWORD).withGroup(lab);
        dataset = ada.containers().createDataset("plates");
        inDataset = List.of(
                repo.importImage(ada, TestRepository.knownHyperstack("first", 16, W, H, 2, 3, 1),
                        ImportOptions.target(dataset)),
                repo.importImage(ada, TestRepository.knownHyperstack("second", 8, W, H, 1, 1, 1),
                        ImportOptions.target(dataset)));
        outside = repo.importImage(ada, TestRepository.knownHyperstack("outside", 8, W, H, 1, 1, 1));
        Session bob = OmeroSdkIJ.login("bob", TestRepository.PASSWORD);
        othersImage = repo.importImage(bob, TestRepository.knownHyperstack("bobs", 8, W, H, 1, 1, 1));
        // the macro connects by itself, as a user's macro would
        OmeroSdkIJ.close();
    }

    @AfterEach
    void close() {
        closeImages();
        repo.close();
    }

    private static void closeImages() {
        int[] ids = WindowManager.getIDList();
        if (ids != null) {
            for (int id : ids) {
                WindowManager.getImage(id).close();
            }
        }
    }

    private String connect() {
        return REGISTER + "Ext.omeroConnect(\"" + tmp.resolve("data") + "\", \"ada\", \"pw\");\n";
    }

    /** Runs {@code macro}; returns what it returns, or null when it stopped on an error (then {@link #error}). */
    private String run(String macro) {
        Interpreter interp = new Interpreter();
        interp.setIgnoreErrors(true);
        String result = interp.run("setBatchMode(true);\n" + macro, null);
        error = interp.getErrorMessage();
        return error == null ? result : null;
    }

    String error;

    @Test
    void aMacroListsTheImagesOfADatasetAndOpensOneAsAHyperstack() {
        String result = run(connect()
                + "ids = split(Ext.omeroList(\"images\", " + dataset.id() + "), \",\");\n"
                + "Ext.omeroOpen(ids[0]);\n"
                + "getDimensions(w, h, c, z, t);\n"
                + "Stack.setPosition(1, 1, 1);\n"
                + "return \"\" + ids.length + \" \" + ids[0] + \" \" + ids[1] + \" \" + getTitle() + \" \" + w + \"x\" + h"
                + " + \" c\" + c + \" z\" + z + \" t\" + t + \" \" + getPixel(3, 2);");
        assertEquals("2 " + inDataset.get(0).id() + " " + inDataset.get(1).id() + " first.tif " + W + "x" + H
                + " c2 z3 t1 " + TestRepository.value(3, 2, 0, 0, 0), result, error);
    }

    @Test
    void aMacroListsEveryImageItMaySeeAndNamesThem() {
        String result = run(connect()
                + "ids = Ext.omeroList(\"images\");\n"
                + "return ids + \" \" + Ext.omeroName(\"image\", " + outside.id() + ") + \" \" "
                + "+ Ext.omeroList(\"datasets\");");
        assertEquals(inDataset.get(0).id() + "," + inDataset.get(1).id() + "," + outside.id() + " outside.tif "
                + dataset.id(), result, error);
    }

    @Test
    void switchingGroupInAMacroLimitsWhatItLists() {
        String result = run(connect()
                + "Ext.omeroSwitchGroup(\"other\");\n"
                + "g = Ext.omeroGroup();\n"
                + "inOther = Ext.omeroList(\"images\");\n"
                + "Ext.omeroSwitchGroup(\"lab\");\n"
                + "return g + \" [\" + inOther + \"] \" + Ext.omeroGroup() + \" \" + Ext.omeroList(\"images\");");
        assertEquals(other.id() + " [] " + lab.id() + " " + inDataset.get(0).id() + "," + inDataset.get(1).id()
                + "," + outside.id(), result, error);
    }

    @Test
    void aMacroSavesItsMeasurementsOnTheImageAndReadsThemBack() {
        long id = inDataset.get(1).id();
        String result = run(connect()
                + "Ext.omeroOpen(" + id + ");\n"
                // headless ImageJ has no menus for run("Measure"): the macro fills the Results table itself
                + "mean = getValue(\"Mean\");\n"
                + "setResult(\"Mean\", 0, mean);\n"
                + "setResult(\"Area\", 0, getValue(\"Area\"));\n"
                + "fileId = Ext.omeroSaveResults(" + id + ", \"Measurements\");\n"
                + "IJ.deleteRows(0, nResults - 1);\n"
                + "n = Ext.omeroLoadResults(" + id + ", \"Measurements\");\n"
                + "return \"\" + n + \" \" + nResults + \" \" + (getResult(\"Mean\", 0) == mean) + \" \" + fileId;");
        assertNotNull(result, error);
        String[] parts = result.split(" ");
        assertEquals(List.of("1", "1", "1"), List.of(parts[0], parts[1], parts[2]), result);
        assertTrue(parts.length == 4, result);
        long fileId = Long.parseLong(parts[3]);
        assertTrue(OmeroSdkIJ.session().annotations().on(inDataset.get(1)).stream().anyMatch(a -> a.id() == fileId));
        // a table that is not there stops the macro, naming the tables there are
        assertNull(run(connect() + "Ext.omeroOpen(" + id + ");\nExt.omeroLoadResults(" + id + ", \"Other\");"));
        assertTrue(error.contains("Measurements.csv"), error);
    }

    @Test
    void aMacroImportsTheImageItMadeIntoADataset() {
        String result = run(connect()
                + "newImage(\"made in a macro\", \"16-bit ramp\", 16, 8, 1);\n"
                + "return Ext.omeroImport(" + dataset.id() + ");");
        assertNotNull(result, error);
        Image imported = OmeroSdkIJ.session().images().get(Long.parseLong(result));
        assertEquals("made in a macro.tif", imported.name());
        assertEquals(3, OmeroSdkIJ.session().containers().countImages(dataset));
        assertNull(run(connect() + "close(\"*\");\nExt.omeroImport(" + dataset.id() + ");"));
        assertTrue(error.contains("no current image"), error);
    }

    @Test
    void aMacroSavesTheRoisItDrewOnTheImageItOpened() {
        long id = inDataset.get(0).id();
        String result = run(connect()
                + "Ext.omeroOpen(" + id + ");\n"
                + "Stack.setPosition(2, 3, 1);\n"
                + "makeRectangle(2, 3, 4, 5);\n"
                + "Roi.setPosition(2, 3, 1);\n"
                + "Overlay.addSelection;\n"
                + "return Ext.omeroSaveRois(" + id + ");");
        assertEquals("1", result, error);
        Session ada = OmeroSdkIJ.session();
        List<org.omerosdk.model.roi.Roi> rois = ada.rois().on(inDataset.get(0));
        assertEquals(1, rois.size());
        List<Shape> shapes = ada.rois().shapes(rois.get(0));
        Rectangle r = (Rectangle) shapes.get(0);
        assertEquals(List.of(2.0, 3.0, 4.0, 5.0), List.of(r.x(), r.y(), r.width(), r.height()));
        // ImageJ's 1-based (c=2, z=3, t=1) is OMERO's 0-based (c=1, z=2, t=0)
        assertEquals(List.of(1, 2, 0), List.of(r.theC().orElseThrow(), r.theZ().orElseThrow(),
                r.theT().orElseThrow()));
    }

    @Test
    void anotherUsersImageStopsTheMacroWithTheMessageOfAMissingOne() {
        String result = run(connect()
                + "Ext.omeroOpen(" + othersImage.id() + ");\n"
                + "return \"went on\";");
        assertNull(result, "the macro stops at the refused call");
        assertTrue(error.contains("Image:" + othersImage.id() + " does not exist or is not visible"), error);
    }

    @Test
    void aMacroThatDidNotConnectIsToldSo() {
        String result = run(REGISTER + "Ext.omeroOpen(" + outside.id() + ");\nreturn \"went on\";");
        assertNull(result);
        assertTrue(error.contains("not connected"), error);
    }

    @Test
    void aWrongPasswordStopsTheMacro() {
        String result = run(REGISTER + "Ext.omeroConnect(\"" + tmp.resolve("data")
                + "\", \"ada\", \"wrong\");\nreturn \"went on\";");
        assertNull(result);
        assertTrue(error.startsWith("omeroConnect: "), error);
    }

    @Test
    void savingRoisOfAnImageThatIsNotOpenIsRefused() {
        String result = run(connect() + "Ext.omeroSaveRois(" + outside.id() + ");\nreturn \"went on\";");
        assertNull(result);
        assertTrue(error.contains("no open image was opened from Image:" + outside.id()), error);
    }
}
