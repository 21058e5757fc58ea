package org.omerosdk.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.omerosdk.model.AuthenticationException;
import org.omerosdk.sdk.OmeroSdk;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code omero logout}: ends the stored session of the data directory (for every client) and forgets its key. */
@Command(name = "logout", mixinStandardHelpOptions = true,
        description = "End the session omero login stored for the data directory.")
final class LogoutCommand implements Runnable {
    @ParentCommand
    OmeroCli root;

    @Mixin
    DataDirectory dataDirectory;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        Path data = dataDirectory.resolve(root.environment());
        PrintWriter out = spec.commandLine().getOut();
        StoredSessions stored = StoredSessions.of(root.environment());
        Optional<StoredSessions.Stored> s = stored.find(data);
        if (s.isEmpty()) {
            out.println("not logged in to " + data.toAbsolutePath());
            return;
        }
        try (OmeroSdk sdk = OmeroSdk.builder().dataDirectory(data).open()) {
            sdk.joinSession(s.get().key()).close();
        } catch (AuthenticationException alreadyEnded) {
            // closed or timed out already: forgetting the key is all that is left to do
        }
        stored.remove(data);
        out.printf("Logged out %s from %s%n", s.get().user(), data.toAbsolutePath());
    }
}
