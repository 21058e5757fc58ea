package org.omerosdk.examples.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.omerosdk.model.AuthenticationException;
import org.omerosdk.sdk.OmeroSdk;
import org.omerosdk.sdk.Session;
import picocli.CommandLine.Option;

/**
 * The login of a command that works as a user ({@code import}, and the data-management verbs): {@code -u USER}
 * ({@code -w PASSWORD}, else asked on the terminal) logs in and stores the new session for later commands, as
 * {@code omero login} does; without {@code -u} the session {@code omero login} stored for the data directory is
 * joined. The session is never closed here: it stays usable by the next command until {@code omero logout} or
 * until it times out ({@code omero.sessions.timeout}).
 */
final class LoggedIn {
    @Option(names = {"-u", "--user"}, paramLabel = "USER",
            description = "Log in as USER (and store the session, as omero login does).")
    String user;

    @Option(names = {"-w", "--password"}, paramLabel = "PASSWORD", arity = "0..1", interactive = true,
            description = "USER's password (asked on the terminal when absent).")
    char[] password;

    /**
     * The session to work in: a new login with {@code -u}, else the stored one.
     *
     * @throws AuthenticationException when the password is refused, or nobody is logged in to {@code data} (the
     *                                 message says to run {@code omero login})
     */
    Session session(OmeroSdk sdk, Path data, Map<String, String> environment, PrintWriter err) {
        StoredSessions stored = StoredSessions.of(environment);
        if (user != null) {
            return login(sdk, stored, data, user, password(err, user), err);
        }
        Optional<StoredSessions.Stored> s = stored.find(data);
        if (s.isEmpty()) {
            throw new AuthenticationException("not logged in to " + data.toAbsolutePath()
                    + ": run omero login -u USER (or give -u USER to this command)");
        }
        try {
            return sdk.joinSession(s.get().key());
        } catch (AuthenticationException ended) {
            stored.remove(data);
            throw new AuthenticationException("the session of " + s.get().user() + " on " + data.toAbsolutePath()
                    + " has ended (closed or timed out): run omero login -u " + s.get().user());
        }
    }

    private char[] password(PrintWriter err, String name) {
        if (password != null && password.length > 0) {
            return password;
        }
        Console console = System.console();
        if (console == null) {
            throw new AuthenticationException("no password for " + name + ": give -w PASSWORD (no terminal to ask on)");
        }
        err.flush();
        char[] typed = console.readPassword("Password for %s: ", name);
        if (typed == null) {
            throw new AuthenticationException("no password for " + name);
        }
        return typed;
    }

    /** Logs {@code name} in and stores the session key for {@code data}. */
    static Session login(OmeroSdk sdk, StoredSessions stored, Path data, String name, char[] password,
                         PrintWriter err) {
        Session session = sdk.login(name, password);
        java.util.Arrays.fill(password, '\0');
        stored.store(data, session.user().omeName(), session.key());
        return session;
    }

    /** Prints the root password of a repository this command just created (shown once, as by omero demo). */
    static void announceNewRepository(OmeroSdk sdk, PrintWriter err) {
        sdk.generatedRootPassword().ifPresent(pw -> {
            err.println("omero: new repository; root password (shown once): " + new String(pw));
            err.flush();
        });
    }
}
