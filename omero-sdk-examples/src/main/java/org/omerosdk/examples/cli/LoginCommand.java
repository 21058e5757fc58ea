package org.omerosdk.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.omerosdk.model.AuthenticationException;
import org.omerosdk.sdk.OmeroSdk;
import org.omerosdk.sdk.Session;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code omero login [-u USER [-w PASSWORD]]}: logs in to the data directory's repository and stores the session key
 * (see {@link StoredSessions}) so that later commands join it; without {@code -u}, reports the stored session
 * when it is still alive, as OMERO's {@code omero login} reuses one.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = "Log in and keep the session for the next commands (until omero logout or its timeout).")
final class LoginCommand implements Runnable {
    @ParentCommand
    OmeroCli root;

    @Mixin
    DataDirectory dataDirectory;

    @Mixin
    LoggedIn login;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        Path data = dataDirectory.resolve(root.environment());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StoredSessions stored = StoredSessions.of(root.environment());
        try (OmeroSdk sdk = OmeroSdk.builder().dataDirectory(data).open()) {
            LoggedIn.announceNewRepository(sdk, err);
            if (login.user == null) {
                Optional<StoredSessions.Stored> s = stored.find(data);
                if (s.isEmpty()) {
                    throw new AuthenticationException("not logged in to " + data.toAbsolutePath()
                            + ": give -u USER");
                }
            }
            Session session = login.session(sdk, data, root.environment(), err);
            out.printf("%s session %s (%s) on %s%n", login.user == null ? "Using" : "Created", session.key(),
                    session.user().omeName(), data.toAbsolutePath());
        }
    }
}
