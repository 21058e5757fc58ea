package org.omerosdk.examples.cli;

import java.util.List;

/**
 * The {@code omero} commands, in the order {@code omero --help} lists them. A new command is one line here: a
 * picocli {@code @Command} class with a public or package-private no-argument constructor. Commands that work on a
 * repository as a user take the {@link LoggedIn} mixin and call {@link LoggedIn#session}.
 */
final class Commands {
    private Commands() {
    }

    /** Keep one class per line, in alphabetical order, so that parallel additions do not touch the same line. */
    static final List<Class<?>> ALL = List.of(
            AnnotationCommands.Annotate.class,
            AnnotationCommands.Attach.class,
            ConfigCommand.class,
            DemoCommand.class,
            AnnotationCommands.Download.class,
            GraphCommand.Chgrp.class,
            GraphCommand.Chown.class,
            GraphCommand.Delete.class,
            ImportCommand.class,
            InfoCommand.class,
            LoginCommand.class,
            LogoutCommand.class,
            RenderCommand.class,
            AnnotationCommands.Search.class,
            AnnotationCommands.Tag.class,
            ThumbnailCommand.class,
            VersionCommand.class
    );
}
