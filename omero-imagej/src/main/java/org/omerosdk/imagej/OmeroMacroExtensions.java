package org.omerosdk.imagej;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.macro.ExtensionDescriptor;
import ij.macro.Functions;
import ij.macro.Interpreter;
import ij.macro.MacroExtension;
import ij.plugin.PlugIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.omerosdk.model.OmeroException;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.containers.Project;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.model.meta.NamedObject;
import org.omerosdk.sdk.Listing;
import org.omerosdk.sdk.Session;

/**
 * ImageJ macro functions over {@link OmeroSdkIJ}, after {@code run("OMERO SDK Macro Extensions");} (as
 * simple-omero-client's {@code Ext.connectToOMERO}, {@code Ext.list}, ...):
 *
 * <pre>
 * run("OMERO SDK Macro Extensions");
 * Ext.omeroConnect("/data/omero", "ada", password);   // or Ext.omeroConnectAsRoot("/data/omero")
 * Ext.omeroSwitchGroup("lab");                        // a name or id; "all" for every group of the user
 * ids = split(Ext.omeroList("images", datasetId), ",");
 * Ext.omeroOpen(ids[0]);                              // the current image from now on
 * n = Ext.omeroSaveRois(ids[0]);                      // its overlay as ROIs, replacing those it loaded
 * run("Measure");
 * Ext.omeroSaveResults(ids[0], "Measurements");      // the Results table as Measurements.csv on the image
 * n = Ext.omeroLoadResults(ids[0], "Measurements");  // back into the Results table; n rows
 * newId = Ext.omeroImport(datasetId);                 // the current image into a dataset
 * Ext.omeroDisconnect();
 * </pre>
 *
 * <p>Lists are comma-separated ids (empty when there is nothing); {@code omeroGroup()} is the current group's id (-1
 * for all groups); {@code omeroLoadRois(id)} and {@code omeroSaveRois(id)} return how many shapes were loaded and
 * ROIs saved; {@code omeroSaveResults(id, name)} the file annotation's id, {@code omeroLoadResults(id, name)} the rows
 * read into the Results table; {@code omeroImport(datasetId)} the id of the image imported from the current one; numbers come back as strings (use {@code parseInt}). The other functions return nothing. A refusal (not logged in, an image not visible, a group the user is not in) stops the macro
 * with the SDK's message, as a macro error.
 */
public final class OmeroMacroExtensions implements PlugIn, MacroExtension {
    private static final int S = ARG_STRING;
    private static final int N = ARG_NUMBER;

    private final ExtensionDescriptor[] functions = {
        ExtensionDescriptor.newDescriptor("omeroConnect", this, S, S, S),
        ExtensionDescriptor.newDescriptor("omeroConnectAsRoot", this, S),
        ExtensionDescriptor.newDescriptor("omeroSwitchGroup", this, S),
        ExtensionDescriptor.newDescriptor("omeroGroup", this),
        ExtensionDescriptor.newDescriptor("omeroDisconnect", this),
        ExtensionDescriptor.newDescriptor("omeroList", this, S, N | ARG_OPTIONAL),
        ExtensionDescriptor.newDescriptor("omeroName", this, S, N),
        ExtensionDescriptor.newDescriptor("omeroOpen", this, N),
        ExtensionDescriptor.newDescriptor("omeroOpenVirtual", this, N),
        ExtensionDescriptor.newDescriptor("omeroLoadRois", this, N),
        ExtensionDescriptor.newDescriptor("omeroSaveRois", this, N),
        ExtensionDescriptor.newDescriptor("omeroSaveResults", this, N, S | ARG_OPTIONAL),
        ExtensionDescriptor.newDescriptor("omeroImport", this, N),
        ExtensionDescriptor.newDescriptor("omeroLoadResults", this, N, S | ARG_OPTIONAL),
    };

    /** Plugins › OMERO SDK › Macro Extensions: makes the {@code Ext.omero*} functions known to the running macro. */
    @Override
    public void run(String arg) {
        if (!IJ.macroRunning()) {
            IJ.showMessage("OMERO SDK", "Run this command from a macro: run(\"OMERO SDK Macro Extensions\");\n"
                    + "then call Ext.omeroConnect(...), Ext.omeroOpen(id), ...");
            return;
        }
        Functions.registerExtensions(this);
    }

    /** For {@code call("org.omerosdk.imagej.OmeroMacroExtensions.register");} where the menu command is missing. */
    public static String register() {
        Functions.registerExtensions(new OmeroMacroExtensions());
        return "";
    }

    @Override
    public ExtensionDescriptor[] getExtensionFunctions() {
        return functions.clone();
    }

    @Override
    public String handleExtension(String name, Object[] args) {
        try {
            return call(name, args);
        } catch (OmeroException e) {
            Interpreter interp = Interpreter.getInstance();
            if (interp == null) {
                throw e;
            }
            interp.abort(name + ": " + e.getMessage());
            return null;
        }
    }

    private static String call(String name, Object[] args) {
        switch (name) {
            case "omeroConnect" -> {
                open(string(args[0]));
                char[] password = string(args[2]).toCharArray();
                try {
                    OmeroSdkIJ.login(string(args[1]), password);
                    return null;
                } finally {
                    java.util.Arrays.fill(password, '\0');
                }
            }
            case "omeroConnectAsRoot" -> {
                open(string(args[0]));
                OmeroSdkIJ.loginAsRoot();
                return null;
            }
            case "omeroSwitchGroup" -> {
                OmeroSdkIJ.switchGroup(string(args[0]));
                return null;
            }
            case "omeroGroup" -> {
                Session s = OmeroSdkIJ.session();
                return String.valueOf(s.context().groupId());
            }
            case "omeroDisconnect" -> {
                OmeroSdkIJ.close();
                return null;
            }
            case "omeroList" -> {
                return ids(list(string(args[0]), args.length > 1 && args[1] != null ? id(args[1]) : -1));
            }
            case "omeroName" -> {
                return named(string(args[0]), id(args[1])).name();
            }
            case "omeroOpen" -> {
                OmeroSdkIJ.open(id(args[0])).show();
                return null;
            }
            case "omeroOpenVirtual" -> {
                OmeroSdkIJ.openVirtual(id(args[0])).show();
                return null;
            }
            case "omeroLoadRois" -> {
                ImagePlus imp = openedFrom(id(args[0]));
                int n = OmeroSdkIJ.loadRois(imp);
                imp.updateAndDraw();
                return String.valueOf(n);
            }
            case "omeroSaveRois" -> {
                return String.valueOf(OmeroSdkIJ.saveRois(openedFrom(id(args[0])), true));
            }
            case "omeroSaveResults" -> {
                ij.measure.ResultsTable table = ij.measure.ResultsTable.getResultsTable();
                return String.valueOf(OmeroSdkIJ.saveResults(openedFrom(id(args[0])), table,
                        args.length > 1 ? string(args[1]) : "").id());
            }
            case "omeroImport" -> {
                ImagePlus current = WindowManager.getCurrentImage();
                if (current == null) {
                    throw new ValidationException("there is no current image to import");
                }
                return String.valueOf(OmeroSdkIJ.importImage(current, id(args[0])).id());
            }
            case "omeroLoadResults" -> {
                ij.measure.ResultsTable table = OmeroSdkIJ.loadResults(openedFrom(id(args[0])),
                        args.length > 1 ? string(args[1]) : "");
                // into the "Results" table the macro's getResult(), nResults, ... read (headless ImageJ shows
                // no window, and show() then leaves the table the macro reads alone)
                ij.plugin.filter.Analyzer.setResultsTable(table);
                if (!java.awt.GraphicsEnvironment.isHeadless()) {
                    table.show("Results");
                }
                return String.valueOf(table.size());
            }
            default -> throw new ValidationException("no macro function Ext." + name);
        }
    }

    private static void open(String location) {
        Path path = Path.of(location);
        if (Files.isRegularFile(path)) {
            OmeroSdkIJ.openConfiguration(path);
        } else {
            OmeroSdkIJ.openDataDirectory(path);
        }
    }

    /**
     * The objects of {@code type} ("projects", "datasets", "images", singular too) the session sees: all of them, or
     * those in the container {@code parent} (a project's datasets, a dataset's images) when it is not -1.
     */
    static List<? extends IObject> list(String type, long parent) {
        Session s = OmeroSdkIJ.session();
        String t = type.trim().toLowerCase(Locale.ROOT);
        return switch (t.endsWith("s") ? t : t + "s") {
            case "projects" -> {
                if (parent != -1) {
                    throw new ValidationException("projects are in no container; list \"projects\" without an id");
                }
                yield Listing.all().stream(s.containers()::projects).toList();
            }
            case "datasets" -> parent == -1 ? Listing.all().stream(s.containers()::datasets).toList()
                    : Listing.all().stream(l -> s.containers().datasets(s.get(Project.class, parent), l)).toList();
            case "images" -> parent == -1 ? Listing.all().stream(s.images()::list).toList()
                    : Listing.all().stream(l -> s.containers().images(s.get(Dataset.class, parent), l)).toList();
            default -> throw new ValidationException("cannot list \"" + type + "\": the types are \"projects\", "
                    + "\"datasets\" (of a project) and \"images\" (of a dataset)");
        };
    }

    private static NamedObject named(String type, long id) {
        Session s = OmeroSdkIJ.session();
        String t = type.trim().toLowerCase(Locale.ROOT);
        return switch (t.endsWith("s") ? t.substring(0, t.length() - 1) : t) {
            case "project" -> s.get(Project.class, id);
            case "dataset" -> s.get(Dataset.class, id);
            case "image" -> s.images().get(id);
            default -> throw new ValidationException("no name for \"" + type + "\": the types are \"project\", "
                    + "\"dataset\" and \"image\"");
        };
    }

    /**
     * The open image that was opened from OMERO image {@code id}: the current image when it was, else the most
     * recently opened one (batch-mode images included).
     */
    static ImagePlus openedFrom(long id) {
        String wanted = String.valueOf(id);
        ImagePlus current = WindowManager.getCurrentImage();
        if (current != null && wanted.equals(String.valueOf(current.getProp(ImageOpener.ID)))) {
            return current;
        }
        int[] open = WindowManager.getIDList();
        if (open != null) {
            for (int i = open.length - 1; i >= 0; i--) {
                ImagePlus imp = WindowManager.getImage(open[i]);
                if (imp != null && wanted.equals(String.valueOf(imp.getProp(ImageOpener.ID)))) {
                    return imp;
                }
            }
        }
        throw new ValidationException("no open image was opened from Image:" + id + " (open it with Ext.omeroOpen("
                + id + ") first)");
    }

    private static String ids(List<? extends IObject> objects) {
        return objects.stream().map(o -> String.valueOf(o.id())).collect(Collectors.joining(","));
    }

    private static String string(Object arg) {
        return arg == null ? "" : arg.toString();
    }

    /** A macro number as an id: ImageJ passes doubles; a fraction is no id. */
    private static long id(Object arg) {
        double d = arg instanceof Double v ? v : Double.parseDouble(string(arg).trim());
        if (d != Math.rint(d)) {
            throw new ValidationException(arg + " is not an id (ids are whole numbers)");
        }
        return (long) d;
    }
}
