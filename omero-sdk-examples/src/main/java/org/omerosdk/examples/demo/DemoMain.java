package org.omerosdk.examples.demo;

import java.nio.file.Path;

/** Runs the demo without the CLI (until the CLI's demo command is wired): {@code DemoMain [DIR]}. */
public final class DemoMain {
    private DemoMain() {
    }

    public static void main(String[] args) {
        new Demo(new java.io.PrintWriter(System.out, true)).run(Path.of(args.length > 0 ? args[0] : "omero-data"));
    }
}
