package org.omerosdk.sdk;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An identity provider the host application runs itself (single sign-on, a token service, its own user table): it
 * takes part in {@link OmeroSdk#login} like OMERO's custom password providers. Register it with
 * {@link OmeroSdk.Builder#externalIdentity}; it is asked first in the default chain, or where its {@link #name()}
 * appears in {@code omero.security.password_provider}.
 *
 * <p>A user it vouches for who does not exist yet is created with the fields and groups it reports (groups that do
 * not exist are created private); an existing user is matched by login name and left as it is.
 *
 * <pre>{@code
 * OmeroSdk sdk = OmeroSdk.builder().dataDirectory(dir)
 *         .externalIdentity(new ExternalIdentity() {
 *             public String name() { return "campus-sso"; }
 *             public Verdict verify(String login, char[] token) {
 *                 return sso.check(login, token)
 *                         ? Verdict.accept(new ExternalUser(login, "Ada", "Lovelace", "ada@example.org", List.of("lab")))
 *                         : Verdict.ABSTAIN;
 *             }
 *         }).open();
 * }</pre>
 */
public interface ExternalIdentity {
    /** The name that selects this provider in {@code omero.security.password_provider}; recorded as the agent. */
    String name();

    /**
     * Checks a login. Called on the logging-in thread; must be thread-safe.
     *
     * @param login  the login name as typed (case folded when {@code omero.security.ignore_case} is true)
     * @param secret the password or token; the provider must not keep it
     */
    Verdict verify(String login, char[] secret);

    /** A user as the provider describes them. */
    record ExternalUser(String omeName, String firstName, String lastName, String email, List<String> groups) {
        public ExternalUser {
            Objects.requireNonNull(omeName, "omeName");
            firstName = Objects.requireNonNullElse(firstName, "");
            lastName = Objects.requireNonNullElse(lastName, "");
            groups = List.copyOf(groups);
        }
    }

    /**
     * What a provider decided: {@link #ABSTAIN} passes the login to the next provider of the chain; {@link #REFUSE}
     * ends it (wrong password, locked account); {@link #accept} ends it with this user.
     */
    final class Verdict {
        public static final Verdict ABSTAIN = new Verdict(null, false);
        public static final Verdict REFUSE = new Verdict(null, true);

        private final ExternalUser user;
        private final boolean decided;

        private Verdict(ExternalUser user, boolean decided) {
            this.user = user;
            this.decided = decided;
        }

        public static Verdict accept(ExternalUser user) {
            return new Verdict(Objects.requireNonNull(user, "user"), true);
        }

        /** The accepted user; empty for abstain and refuse. */
        public Optional<ExternalUser> user() {
            return Optional.ofNullable(user);
        }

        /** Whether the chain stops here. */
        public boolean decided() {
            return decided;
        }
    }
}
