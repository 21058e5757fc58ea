package org.omerosdk.examples.embedding;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.containers.Project;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.sdk.Listing;
import org.omerosdk.sdk.OmeroSdk;
import org.omerosdk.sdk.Session;

/** The README's embedding example, kept compiling and tested. */
public final class QuickStart {
    private QuickStart() {
    }

    /** Creates a group, a user and a small tree in {@code dataDirectory}, then lists the user's projects. */
    public static void run(Path dataDirectory, PrintWriter out) {
        try (OmeroSdk sdk = OmeroSdk.builder().dataDirectory(dataDirectory).open()) {
            Session root = sdk.rootSession();                       // the embedding host is trusted
            ExperimenterGroup lab = root.admin().createGroup("lab", Permissions.Level.READ_ANNOTATE);
            Experimenter ada = root.admin().createUser("ada", "Ada", "Lovelace", lab);
            root.admin().setPassword(ada, "secret".toCharArray());

            try (Session s = sdk.login("ada", "secret".toCharArray())) {   // no context argument on any call
                Project p = s.containers().createProject("Engines");
                Dataset d = s.containers().createDataset(p, "difference engine");
                for (Project each : s.containers().projects(Listing.all().ownedBy(ada))) {
                    out.println(each.name() + " " + s.containers().datasets(each).stream().map(Dataset::name).toList());
                }
            }
        }
    }

    public static void main(String[] args) {
        run(Path.of(args.length > 0 ? args[0] : "quickstart-data"), new PrintWriter(System.out, true));
    }
}
