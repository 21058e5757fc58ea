package org.omerosdk.imagej;

import ij.IJ;
import ij.Prefs;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.nio.file.Files;
import java.nio.file.Path;
import org.omerosdk.model.OmeroException;
import org.omerosdk.model.meta.ExperimenterGroup;

/**
 * Plugins › OMERO SDK › Connect... and Switch Group...: a repository (a data directory, or a configuration file for
 * PostgreSQL), a login or the host's root session, remembered (never the password) for the next time.
 */
public final class ConnectCommand implements PlugIn {
    static final String PREF_LOCATION = "omerosdk.location";
    static final String PREF_USER = "omerosdk.user";
    static final String PREF_ROOT = "omerosdk.root";

    @Override
    public void run(String arg) {
        try {
            if ("group".equals(arg)) {
                switchGroup();
            } else {
                connect();
            }
        } catch (OmeroException e) {
            IJ.error("OMERO SDK", e.getMessage());
        }
    }

    private static void connect() {
        GenericDialog gd = new GenericDialog("Connect to an OMERO SDK repository");
        gd.addDirectoryField("Data directory or configuration file", Prefs.get(PREF_LOCATION, ""), 40);
        gd.addStringField("User", Prefs.get(PREF_USER, ""), 20);
        gd.setEchoChar('*');
        gd.addStringField("Password", "", 20);
        gd.addCheckbox("Host-trusted root session (no password)", Prefs.get(PREF_ROOT, false));
        gd.showDialog();
        if (gd.wasCanceled()) {
            return;
        }
        String location = gd.getNextString().trim();
        String user = gd.getNextString().trim();
        char[] password = gd.getNextString().toCharArray();
        boolean root = gd.getNextBoolean();
        Path path = Path.of(location);
        IJ.showStatus("OMERO SDK: opening " + location);
        if (Files.isRegularFile(path)) {
            OmeroSdkIJ.openConfiguration(path);
        } else {
            OmeroSdkIJ.openDataDirectory(path);
        }
        if (root) {
            OmeroSdkIJ.loginAsRoot();
        } else {
            OmeroSdkIJ.login(user, password);
        }
        java.util.Arrays.fill(password, '\0');
        Prefs.set(PREF_LOCATION, location);
        Prefs.set(PREF_USER, user);
        Prefs.set(PREF_ROOT, root);
        IJ.showStatus("OMERO SDK: logged in to " + location + " as " + OmeroSdkIJ.session().user().omeName());
    }

    private static void switchGroup() {
        var groups = OmeroSdkIJ.groups();
        String[] names = new String[groups.size() + 1];
        names[0] = "all";
        for (int i = 0; i < groups.size(); i++) {
            ExperimenterGroup g = groups.get(i);
            names[i + 1] = g.name();
        }
        GenericDialog gd = new GenericDialog("Switch group");
        gd.addChoice("Group", names, names[0]);
        gd.showDialog();
        if (!gd.wasCanceled()) {
            OmeroSdkIJ.switchGroup(gd.getNextChoice());
        }
    }
}
