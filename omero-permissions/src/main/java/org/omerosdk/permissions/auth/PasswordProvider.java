package org.omerosdk.permissions.auth;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One link of OMERO's password-provider chain ({@code omero.security.password_provider}): it accepts a login,
 * refuses it, or abstains and leaves it to the next provider; when every provider abstains the login is refused.
 * OMERO's own two, {@value #JDBC} (the password table) and {@value #LDAP} ({@code omero.ldap.*}), are built in;
 * a host adds its own (single sign-on, a token service, its own user table) with
 * {@code OmeroSdk.builder().passwordProvider(p)}, and names it in {@code omero.security.password_provider} or lets
 * {@value #CHAINED} (the default) ask it before LDAP and the table.
 *
 * <p>What the chain guarantees around every provider: the caller sees one refusal message whatever the reason
 * (wrong password, unknown user, empty password, a provider that abstained, refused or threw), and every refusal
 * costs the same password-hashing work; a provider that throws ends the login as a refusal (fail closed) and its
 * exception goes to the log, never to the caller. A user a provider accepts who does not exist yet is created with
 * the fields and groups of its {@link Identity} (groups that do not exist are created private); an existing user is
 * matched by login name and left as it is. {@code PasswordProviderContract} in omero-sdk's test-jar is the suite
 * every provider passes.
 *
 * <pre>{@code
 * OmeroSdk sdk = OmeroSdk.builder().dataDirectory(dir)
 *         .passwordProvider(new PasswordProvider() {
 *             public String name() { return "campus-sso"; }
 *             public Verdict check(String login, char[] token) {
 *                 return sso.check(login, token)
 *                         ? Verdict.accept(new Identity(login, "Ada", "Lovelace", "ada@example.org", List.of("lab")))
 *                         : Verdict.ABSTAIN;
 *             }
 *         }).open();
 * }</pre>
 */
public interface PasswordProvider {
    /** The default chain: the host's providers in the order they were added, then LDAP when configured, then the table. */
    String CHAINED = "chainedPasswordProvider";
    /** The password table (salted PBKDF2, constant-time comparison). */
    String JDBC = "jdbcPasswordProvider";
    /** The LDAP directory of {@code omero.ldap.*} (needs {@code org.omerosdk:omero-ldap}). */
    String LDAP = "ldapPasswordProvider";

    /** The name that selects this provider in {@code omero.security.password_provider}; recorded as the agent. */
    String name();

    /**
     * Checks a login. Called on the logging-in thread, possibly on several at once: must be thread-safe.
     *
     * @param login    the login name as typed (lower-cased when {@code omero.security.ignore_case} is true); never
     *                 blank
     * @param password the password or token; the provider must not keep it. Empty only when
     *                 {@code omero.security.password_required} is false
     * @return never null
     */
    Verdict check(String login, char[] password);

    /** A user as the provider describes them; what a user it creates gets. */
    record Identity(String omeName, String firstName, String lastName, String email, List<String> groups) {
        public Identity {
            Objects.requireNonNull(omeName, "omeName");
            firstName = Objects.requireNonNullElse(firstName, "");
            lastName = Objects.requireNonNullElse(lastName, "");
            email = Objects.requireNonNullElse(email, "");
            groups = List.copyOf(groups);
        }

        /** A user known by name only (one that exists already). */
        public static Identity named(String omeName) {
            return new Identity(omeName, "", "", "", List.of());
        }
    }

    /**
     * What a provider decided: {@link #ABSTAIN} passes the login to the next provider of the chain; {@link #REFUSE}
     * ends it (wrong password, locked account); {@link #accept} ends it with this user.
     */
    final class Verdict {
        public static final Verdict ABSTAIN = new Verdict(null, false);
        public static final Verdict REFUSE = new Verdict(null, true);

        private final Identity user;
        private final boolean decided;

        private Verdict(Identity user, boolean decided) {
            this.user = user;
            this.decided = decided;
        }

        public static Verdict accept(Identity user) {
            return new Verdict(Objects.requireNonNull(user, "user"), true);
        }

        /** The accepted user; empty for abstain and refuse. */
        public Optional<Identity> user() {
            return Optional.ofNullable(user);
        }

        /** Whether the chain stops here. */
        public boolean decided() {
            return decided;
        }

        @Override
        public String toString() {
            return user != null ? "accept " + user.omeName() : decided ? "refuse" : "abstain";
        }
    }
}
