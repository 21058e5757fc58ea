package org.omerosdk.examples.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.omerosdk.model.ValidationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code omero} command line; its commands are listed in {@link Commands}. Errors print one line
 * {@code omero: <message>} on stderr and exit with {@link #EXIT_USAGE}, {@link #EXIT_REFUSED} or
 * {@link #EXIT_FAILED}; {@code --debug} adds the stack trace.
 */
@Command(name = "omero", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Embedded OMERO: configure and try a repository in a data directory.",
        subcommands = {},
        footer = {"", "The web gateway: ./omero web start [--port 4080] [--data DIR] (module omero-web, docs/web.md)."})
public final class OmeroCli implements Runnable {
    /** Bad command line: unknown command or option, missing argument. */
    public static final int EXIT_USAGE = 1;
    /** A value or input was refused (ValidationException); nothing was changed. */
    public static final int EXIT_REFUSED = 2;
    /** The command could not complete (storage, editor, any other error). */
    public static final int EXIT_FAILED = 3;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean debug;

    private final Map<String, String> environment;

    OmeroCli(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    Map<String, String> environment() {
        return environment;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required; see omero --help");
    }

    public static void main(String[] args) {
        quietLibraryLogging(java.util.Arrays.asList(args).contains("--debug"));
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(execute(args, out, err, System.getenv()));
    }

    /**
     * The libraries under the SDK (Hibernate, Flyway, HikariCP) log their start-up at INFO; a command line shows
     * only warnings unless {@code --debug}. Must run before the first logger is created.
     */
    private static void quietLibraryLogging(boolean debug) {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", debug ? "debug" : "warn");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        if (!debug) {
            // Flyway warns that it has not verified our H2 version; that is noise for a user
            System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", "error");
        }
    }

    /** Runs the command line with the given streams and environment; returns the exit code. */
    static int execute(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        OmeroCli root = new OmeroCli(environment);
        CommandLine cl = new CommandLine(root);
        for (Class<?> command : Commands.ALL) {
            cl.addSubcommand(command);
        }
        cl.addSubcommand(CommandLine.HelpCommand.class);
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((e, a) -> {
            err.println("omero: " + e.getMessage());
            if (root.debug) {
                e.printStackTrace(err);
            }
            err.flush();
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String message = e.getMessage() != null ? e.getMessage() : e.toString();
            err.println("omero: " + message);
            if (root.debug) {
                e.printStackTrace(err);
            }
            err.flush();
            // SDK errors and anything unexpected alike are failures; only a refused value has its own code
            return e instanceof ValidationException ? EXIT_REFUSED : EXIT_FAILED;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
