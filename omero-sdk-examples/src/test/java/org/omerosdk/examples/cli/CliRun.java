package org.omerosdk.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** One run of the {@code omero} CLI in this JVM, and what it printed: the tests' way to call a command. */
record CliRun(int rc, String out, String err) {
    /** Runs {@code args} with {@code env} as the environment. */
    static CliRun of(Map<String, String> env, String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int rc = OmeroCli.execute(args, new PrintWriter(o), new PrintWriter(e), env);
        return new CliRun(rc, o.toString(), e.toString());
    }

    /** Runs {@code args} against the data directory {@code data}, storing sessions in {@code sessions}. */
    static CliRun in(Path data, Path sessions, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("OMERO_DATA", data.toString());
        env.put("OMERO_SESSIONDIR", sessions.toString());
        return of(env, args);
    }

    /** {@code args} followed by the login of {@code user}, whose password in the tests is {@code user-pw}. */
    static String[] loggedIn(String user, String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"-u", user, "-w", user + "-pw"}, 0, all, args.length, 4);
        return all;
    }
}
