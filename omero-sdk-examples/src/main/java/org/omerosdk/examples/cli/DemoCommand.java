package org.omerosdk.examples.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code omero demo}: builds a small example repository (a stub until the facade is merged). */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Open or create a repository and fill it with example groups, users and projects.")
final class DemoCommand implements Runnable {
    @ParentCommand
    OmeroCli root;

    @Mixin
    DataDirectory dataDirectory;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        Path data = dataDirectory.resolve(root.environment());
        var out = spec.commandLine().getOut();
        out.println("demo (not yet implemented): would open or create the repository in " + data.toAbsolutePath());
        out.println("  - create the four groups, one per permission level");
        out.println("  - create users user-1 ... user-50 and a Project/Dataset tree for some of them");
        out.println("  - print the tree and what was done");
    }
}
