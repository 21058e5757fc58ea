package org.omerosdk.imagej;

import ij.ImagePlus;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.omerosdk.model.AuthenticationException;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.StorageException;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.sdk.OmeroSdk;
import org.omerosdk.sdk.Session;

/**
 * The plugin's one connection, for macros, scripts and the menu commands: a repository (a data directory, or a
 * configuration naming a PostgreSQL database with {@code omero.db.*}), a session in it (a user's login, or the root
 * session a host that controls the repository may use), and the group that session works in.
 *
 * <pre>{@code
 * OmeroSdkIJ.openDataDirectory(Path.of("/data/omero"));
 * OmeroSdkIJ.login("ada", password);
 * OmeroSdkIJ.switchGroup("lab");
 * ImagePlus imp = OmeroSdkIJ.open(42);
 * }</pre>
 *
 * <p>Opening a repository first closes the previous one, with its session (a failed open leaves none open). Every
 * call is safe from any thread.
 */
public final class OmeroSdkIJ {
    private static OmeroSdk sdk;
    private static String where;
    private static Session login;
    private static Session session;

    private OmeroSdkIJ() {
    }

    /** Opens the embedded repository in {@code dir} (created when empty), closing the previous repository. */
    public static synchronized void openDataDirectory(Path dir) {
        // the previous repository closes first: it may be this one, whose database allows one process-wide opener
        close();
        OmeroSdk opened = OmeroSdk.builder().dataDirectory(dir).open();
        replace(opened, dir.toAbsolutePath().toString());
    }

    /**
     * Opens the repository a configuration file describes: {@code key=value} lines of OMERO's keys
     * ({@code omero.db.host}, {@code omero.db.name}, {@code omero.db.user}, {@code omero.db.pass},
     * {@code omero.managed.dir}, ...), with {@code omero.data.dir} naming a data directory when there is one.
     *
     * @throws StorageException when the file cannot be read or the database cannot be reached
     */
    public static synchronized void openConfiguration(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new StorageException("cannot read the configuration " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k).trim()));
        OmeroSdk.Builder b = OmeroSdk.builder().config(OmeroConfig.of(values));
        String dataDir = values.get("omero.data.dir");
        if (dataDir != null && !dataDir.isBlank()) {
            b.dataDirectory(Path.of(dataDir));
        }
        close();
        replace(b.open(), file.toAbsolutePath().toString());
    }

    /**
     * Uses a repository the host opened itself (its own {@code DataSource}, an S3 binary store, ...), named
     * {@code description} in messages; closing the plugin's connection closes it.
     */
    public static synchronized void use(OmeroSdk opened, String description) {
        replace(opened, description);
    }

    private static void replace(OmeroSdk opened, String description) {
        close();
        sdk = opened;
        where = description;
    }

    /**
     * Logs in to the open repository, ending the previous session.
     *
     * @throws AuthenticationException for a wrong user name or password (one message for both)
     */
    public static synchronized Session login(String userName, char[] password) {
        Session s = repository().login(userName, password);
        setLogin(s);
        return s;
    }

    /**
     * The root session without a password, for a host that controls the repository's files and database (as
     * OMERO's server-side root session); use it only where the person at the keyboard owns the repository.
     */
    public static synchronized Session loginAsRoot() {
        Session s = repository().rootSession();
        setLogin(s);
        return s;
    }

    private static void setLogin(Session s) {
        if (login != null) {
            login.close();
        }
        login = s;
        session = s;
    }

    /**
     * Works in the group named {@code nameOrId} (a name, or a group id) from now on: reads see that group, new objects go
     * to it. "-1" or "all" returns to every group of the user (the login's context).
     *
     * @throws NotFoundException     when no such group exists
     * @throws org.omerosdk.model.SecurityViolation when the user may not use it
     */
    public static synchronized Session switchGroup(String nameOrId) {
        Session s = session();
        String key = nameOrId.trim();
        if (key.equals("-1") || key.equalsIgnoreCase("all")) {
            session = login;
            return session;
        }
        ExperimenterGroup group = null;
        for (ExperimenterGroup g : groups()) {
            if (g.name().equals(key) || String.valueOf(g.id()).equals(key)) {
                group = g;
            }
        }
        if (group == null && login.context().fullAdmin()) {
            // administrators may work in any group
            group = login.admin().findGroup(key).orElse(null);
        }
        if (group == null) {
            throw new NotFoundException("no group \"" + key + "\" among the groups of " + s.user().omeName());
        }
        session = login.withGroup(group);
        return session;
    }

    /** The groups the logged-in user belongs to, default group first. */
    public static synchronized List<ExperimenterGroup> groups() {
        session();
        return login.admin().groupsOf(login.user());
    }

    /** The session in the current group. @throws AuthenticationException when nobody is logged in */
    public static synchronized Session session() {
        if (session == null) {
            throw new AuthenticationException(sdk == null ? "not connected: open a data directory or configuration "
                    + "and log in first" : "not logged in to " + where);
        }
        return session;
    }

    /** What the open repository is (its data directory or configuration file), if one is open. */
    public static synchronized java.util.Optional<String> repositoryName() {
        return java.util.Optional.ofNullable(where);
    }

    /**
     * Opens image {@code imageId} as a hyperstack (see {@link ImageOpener}), in memory when it fits, else virtual.
     *
     * @throws NotFoundException when it does not exist or is not visible in the current group
     */
    public static ImagePlus open(long imageId) {
        return new ImageOpener(session()).open(imageId);
    }

    /** Opens image {@code imageId} as a virtual stack at the largest level whose planes fit in memory. */
    public static ImagePlus openVirtual(long imageId) {
        Session s = session();
        return new ImageOpener(s).openVirtual(s.images().get(imageId));
    }

    /** Opens image {@code imageId} as a virtual stack read from pyramid level {@code level} (0: full resolution). */
    public static ImagePlus openVirtual(long imageId, int level) {
        Session s = session();
        return new ImageOpener(s).openVirtual(s.images().get(imageId), level);
    }

    /**
     * Shows the ROIs of the image {@code imp} was opened from in its overlay (those the session may see), replacing
     * the overlay's earlier OMERO ROIs and keeping ROIs drawn since; OMERO's 0-based z/c/t become 1-based hyperstack
     * positions, a shape on every plane a ROI on every plane. Returns the number of ImageJ ROIs added.
     *
     * @throws ValidationException when {@code imp} was not opened from the repository
     * @throws NotFoundException   when its image is no longer visible
     */
    public static int loadRois(ImagePlus imp) {
        return new RoiTransfer(session()).load(imp);
    }

    /**
     * Saves the overlay of {@code imp} as ROIs on its image: each ROI drawn in ImageJ becomes an OMERO ROI; ROIs
     * loaded from OMERO keep their grouping, and with {@code replace} the ROIs they came from are deleted first
     * (otherwise they are added again beside them). Returns the number of OMERO ROIs written.
     *
     * @throws ValidationException when there is nothing to save or an ImageJ ROI has no OMERO shape
     * @throws org.omerosdk.model.SecurityViolation when the session may not annotate the image or delete a ROI
     */
    public static int saveRois(ImagePlus imp, boolean replace) {
        return new RoiTransfer(session()).save(imp, replace);
    }

    /**
     * Attaches {@code table} to the image {@code imp} was opened from, as a CSV file named {@code name} (".csv" added
     * when missing; "Results.csv" when blank) in ImageJ's own format, with a key-value annotation of its summary
     * beside it (the row count; per numeric column its mean, SD, minimum and maximum). Saving again under the same
     * name adds a newer table; {@link #loadResults} reads the newest.
     *
     * @throws ValidationException when the table is empty or the name is no valid file name
     * @throws org.omerosdk.model.SecurityViolation when the session may not annotate the image
     */
    public static org.omerosdk.model.annotations.FileAnnotation saveResults(ImagePlus imp,
                                                                           ij.measure.ResultsTable table,
                                                                           String name) {
        return new ResultsTransfer(session()).save(imp, table, name);
    }

    /** The names of the results tables saved on the image {@code imp} was opened from, oldest first. */
    public static List<String> resultsTables(ImagePlus imp) {
        return new ResultsTransfer(session()).names(imp);
    }

    /**
     * The newest results table saved as {@code name} on the image {@code imp} was opened from.
     *
     * @throws NotFoundException naming the tables there are, when none has that name
     */
    public static ij.measure.ResultsTable loadResults(ImagePlus imp, String name) {
        return new ResultsTransfer(session()).load(imp, name);
    }

    /**
     * Imports {@code imp} into dataset {@code datasetId} through the import pipeline, showing progress in ImageJ's
     * status bar: the file it was opened from when it is unchanged and still there (its original name and format
     * kept), otherwise the image as ImageJ holds it, written as an ImageJ TIFF named after its title. Returns the
     * imported image (the first, for a file of several series).
     *
     * @throws ValidationException when {@code imp} is an unchanged image opened from the repository, or an unsaved
     *                             virtual stack
     * @throws org.omerosdk.model.SecurityViolation when the session may not add images to the dataset
     */
    public static org.omerosdk.model.core.Image importImage(ImagePlus imp, long datasetId) {
        return new ImageImport(session()).importInto(imp, datasetId);
    }

    /** Ends the session and closes the repository. */
    public static synchronized void close() {
        if (login != null) {
            login.close();
        }
        login = null;
        session = null;
        if (sdk != null) {
            sdk.close();
        }
        sdk = null;
        where = null;
    }

    private static OmeroSdk repository() {
        if (sdk == null) {
            throw new AuthenticationException("not connected: open a data directory or configuration first");
        }
        return sdk;
    }
}
