package org.omerosdk.examples.cli;

import java.nio.file.Path;
import org.omerosdk.examples.demo.Demo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code omero demo}: builds, fills and shows an example repository (see {@link Demo}). */
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
        new Demo(spec.commandLine().getOut()).run(data);
    }
}
