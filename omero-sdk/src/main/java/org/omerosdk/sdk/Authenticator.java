package org.omerosdk.sdk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.omerosdk.model.AuthenticationException;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.model.meta.GroupExperimenterMap;
import org.omerosdk.model.meta.Password;
import org.omerosdk.permissions.auth.PasswordHasher;
import org.omerosdk.permissions.auth.PasswordProvider;
import org.omerosdk.permissions.auth.PasswordProvider.Identity;
import org.omerosdk.permissions.auth.PasswordProvider.Verdict;
import org.omerosdk.permissions.ldap.Directory;
import org.omerosdk.permissions.ldap.LdapSettings;
import org.omerosdk.permissions.ldap.LdapUser;
import org.omerosdk.permissions.ldap.NewUserGroupMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OMERO's password-provider chain ({@code omero.security.password_provider}), a list of {@link PasswordProvider}s:
 * each in turn accepts the login, refuses it, or abstains and lets the next one decide; when all abstain the login
 * is refused. Every refusal reaches the caller as the same {@link AuthenticationException}, so that names cannot be
 * probed; a provider that throws refuses (fail closed) and its exception is logged, not shown.
 *
 * <ul>
 *   <li><b>jdbcPasswordProvider</b> (internal): the salted PBKDF2 hash in the password table, compared in constant
 *       time. Abstains for unknown users and for users created from LDAP.</li>
 *   <li><b>ldapPasswordProvider</b> (when {@code omero.ldap.config} is true): an unknown user found in the directory
 *       with that password is created (fields, groups, owner flags from the {@code omero.ldap.*} mapping); a user
 *       created from LDAP must still be in the directory under the same DN and bind with the password, and is
 *       re-synchronised first when {@code omero.ldap.sync_on_login} is true; a local user is left to the next
 *       provider. Empty passwords are refused (an empty simple bind is anonymous).</li>
 *   <li>host providers ({@link OmeroSdk.Builder#passwordProvider}), by their name.</li>
 *   <li><b>chainedPasswordProvider</b> (the default) = the host providers, then LDAP, then the internal table.</li>
 * </ul>
 *
 * <p>{@code omero.security.ignore_case} matches login names without regard to case (and creates directory users
 * with lower-case names, as OMERO does); {@code omero.security.password_required} (default true) refuses empty
 * passwords. With it false, a user whose password was set empty logs in with an empty password — OMERO accepts any
 * password for such a user; we do not, on purpose.
 */
final class Authenticator {
    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);
    static final String REFUSED = "unknown user or wrong password";

    record Authenticated(Experimenter user, String agent) {
    }

    /** A provider of the chain and the agent its sessions record. */
    private record Link(PasswordProvider provider, String agent) {
    }

    private final OmeroSdk sdk;
    private final Store store;
    private final PasswordHasher hasher;
    private final boolean ignoreCase;
    private final boolean passwordRequired;
    private final List<Link> chain = new ArrayList<>();
    private final LoginThrottle throttle;

    Authenticator(OmeroSdk sdk, Store store, PasswordHasher hasher, OmeroConfig config,
                  List<PasswordProvider> hosts, Map<String, NewUserGroupMapper> mappers) {
        this.sdk = sdk;
        this.store = store;
        this.hasher = hasher;
        this.ignoreCase = config.getBoolean(ConfigKeys.SECURITY_IGNORE_CASE);
        this.passwordRequired = config.getBoolean(ConfigKeys.SECURITY_PASSWORD_REQUIRED);
        this.throttle = LoginThrottle.from(config);
        Map<String, Link> byName = new LinkedHashMap<>();
        for (PasswordProvider p : hosts) {
            String name = p.name();
            if (name == null || name.isBlank() || name.contains(",") || List.of(PasswordProvider.CHAINED,
                    PasswordProvider.JDBC, PasswordProvider.LDAP).contains(name) || byName.containsKey(name)) {
                throw new ValidationException("the password provider " + p.getClass().getName() + " is named \""
                        + name + "\"; a host provider needs a name of its own, without commas, other than "
                        + PasswordProvider.CHAINED + ", " + PasswordProvider.JDBC + ", " + PasswordProvider.LDAP
                        + (byName.isEmpty() ? "" : " and " + byName.keySet()));
            }
            byName.put(name, new Link(p, name));
        }
        Link internal = new Link(new Internal(), "password");
        Link ldap = config.getBoolean(ConfigKeys.LDAP_CONFIG)
                ? new Link(new Ldap(Directory.open(LdapSettings.from(config), mappers), config), "ldap") : null;
        String value = config.get(ConfigKeys.SECURITY_PASSWORD_PROVIDER);
        for (String name : value.split("\\s*,\\s*")) {
            switch (name) {
                case PasswordProvider.CHAINED:
                    chain.addAll(byName.values());
                    if (ldap != null) {
                        chain.add(ldap);
                    }
                    chain.add(internal);
                    break;
                case PasswordProvider.JDBC:
                    chain.add(internal);
                    break;
                case PasswordProvider.LDAP:
                    if (ldap == null) {
                        throw new ValidationException("omero.security.password_provider names ldapPasswordProvider "
                                + "but omero.ldap.config is false");
                    }
                    chain.add(ldap);
                    break;
                default:
                    Link p = byName.get(name);
                    if (p == null) {
                        throw new ValidationException("omero.security.password_provider = \"" + value
                                + "\" names \"" + name + "\", which is not chainedPasswordProvider, "
                                + "jdbcPasswordProvider, ldapPasswordProvider or a host password provider "
                                + byName.keySet());
                    }
                    chain.add(p);
            }
        }
    }

    /**
     * Every refusal costs one password derivation however early it is decided (unknown user, no password, blank
     * name), so that the time a refusal takes does not tell which users exist; repeated failures are delayed by
     * the {@link LoginThrottle} when configured. A provider that throws ends the chain like a refusal.
     *
     * @param address the client's address when the host knows it, for throttling per address
     * @throws AuthenticationException when no provider accepts the login (one message whatever the reason)
     */
    Authenticated authenticate(String login, char[] password, Optional<String> address) {
        String name = ignoreCase ? login.toLowerCase(Locale.ROOT) : login;
        boolean hashed = false;
        if (!name.isBlank() && !(password.length == 0 && passwordRequired)) {
            for (Link link : chain) {
                PasswordProvider p = link.provider();
                Optional<Verdict> checked = check(p, name, password);
                if (checked.isEmpty()) {
                    break;
                }
                Verdict v = checked.get();
                // the internal provider derives exactly once when it answers, whatever it finds
                hashed |= p instanceof Internal;
                if (v.user().isPresent()) {
                    Experimenter user = resolve(v.user().get());
                    throttle.succeeded(name);
                    return new Authenticated(user, link.agent());
                }
                if (v.decided()) {
                    break;
                }
            }
        }
        if (!hashed) {
            hasher.spendVerification(password);
        }
        throttle.failed(name, address);
        throw refused(login);
    }

    Authenticated authenticate(String login, char[] password) {
        return authenticate(login, password, Optional.empty());
    }

    /** The throttle of this chain (tests replace its pause to count delays instead of waiting). */
    LoginThrottle throttle() {
        return throttle;
    }

    /**
     * The provider's verdict; empty when it throws or answers null, which the chain takes as a refusal (logged with
     * the provider's name and the exception, which the caller never sees).
     */
    private static Optional<Verdict> check(PasswordProvider p, String login, char[] password) {
        try {
            Verdict v = p.check(login, password);
            if (v == null) {
                LOG.warn("password provider {} answered null for login {}; login refused", p.name(), login);
            }
            return Optional.ofNullable(v);
        } catch (RuntimeException e) {
            LOG.warn("password provider {} failed on login {}; login refused", p.name(), login, e);
            return Optional.empty();
        }
    }

    /** The stored user a provider accepted; created from its identity when there is none of that name. */
    private Experimenter resolve(Identity u) {
        return user(u.omeName()).orElseGet(() -> create(u.omeName(), u.firstName(), "", u.lastName(), u.email(),
                null, u.groups(), List.of(), null));
    }

    private static AuthenticationException refused(String login) {
        return new AuthenticationException("login refused for user \"" + login + "\": " + REFUSED);
    }

    /** The user with this login name (matched ignoring case when configured); empty when none or ambiguous. */
    private Optional<Experimenter> user(String login) {
        List<Experimenter> found = store.read(Bootstrap.SYSTEM_CONTEXT, q -> q.list(ignoreCase
                ? Select.from(Experimenter.class).where("lower(o.omeName) = :v", login.toLowerCase(Locale.ROOT))
                : Select.from(Experimenter.class).whereEquals("o.omeName", login)));
        if (found.size() > 1) {
            LOG.warn("{} users match login {} ignoring case; refusing it until the names differ", found.size(),
                    login);
            return Optional.empty();
        }
        return found.stream().findFirst();
    }

    private Optional<Password> password(long userId) {
        return store.read(Bootstrap.SYSTEM_CONTEXT, q -> q.byId(Password.class, userId));
    }

    /** The password table. */
    private final class Internal implements PasswordProvider {
        @Override
        public String name() {
            return JDBC;
        }

        @Override
        public Verdict check(String login, char[] password) {
            Optional<Experimenter> user = user(login);
            Optional<Password> row = user.flatMap(u -> password(u.id()));
            Optional<String> hash = row.filter(r -> r.dn().isEmpty()).flatMap(Password::hash)
                    .filter(h -> !h.isEmpty());
            // one derivation on every path, so that unknown users, users without a password and directory users
            // take as long to refuse as a wrong password
            boolean matches = hash.isPresent() ? hasher.verify(password, hash.get()) : spent(password);
            if (user.isEmpty()) {
                return Verdict.ABSTAIN;
            }
            Verdict accept = Verdict.accept(Identity.named(user.get().omeName()));
            if (row.isEmpty() || row.get().dn().isPresent()) {
                // directory users authenticate against the directory only
                return row.isPresent() ? Verdict.ABSTAIN : Verdict.REFUSE;
            }
            if (row.get().hash().isEmpty()) {
                return Verdict.REFUSE;
            }
            if (hash.isEmpty()) {
                return !passwordRequired && password.length == 0 ? accept : Verdict.REFUSE;
            }
            return matches ? accept : Verdict.REFUSE;
        }

        private boolean spent(char[] password) {
            hasher.spendVerification(password);
            return false;
        }
    }

    /** OMERO's LDAP provider. */
    private final class Ldap implements PasswordProvider {
        private final Directory directory;
        private final boolean syncOnLogin;

        Ldap(Directory directory, OmeroConfig config) {
            this.directory = directory;
            this.syncOnLogin = config.getBoolean(ConfigKeys.LDAP_SYNC_ON_LOGIN);
        }

        @Override
        public String name() {
            return LDAP;
        }

        @Override
        public Verdict check(String login, char[] password) {
            if (password.length == 0) {
                return Verdict.REFUSE;
            }
            Optional<Experimenter> known = user(login);
            if (known.isEmpty()) {
                Optional<LdapUser> found = directory.authenticate(login, password);
                if (found.isEmpty()) {
                    return Verdict.ABSTAIN;
                }
                LdapUser u = found.get();
                String name = ignoreCase ? u.omeName().toLowerCase(Locale.ROOT) : u.omeName();
                Optional<Experimenter> stored = user(name);
                if (stored.isPresent()) {
                    // the login differed from the stored name only as the directory ignores (case, surrounding
                    // spaces): the same entry is the same user, any other user of that name keeps it
                    boolean same = password(stored.get().id()).flatMap(Password::dn)
                            .filter(dn -> dn.equalsIgnoreCase(u.dn())).isPresent();
                    if (!same) {
                        LOG.info("LDAP login {} is the directory's {} ({}), but the user {} is not that entry; "
                                + "login refused", login, u.omeName(), u.dn(), name);
                        return Verdict.REFUSE;
                    }
                    if (syncOnLogin) {
                        synchronize(stored.get(), u);
                    }
                    return accepted(stored.get());
                }
                return accepted(create(name, u.firstName(), u.middleName(), u.lastName(), u.email(),
                        u.institution(), u.groups(), u.ownedGroups(), u.dn()));
            }
            Optional<String> dn = password(known.get().id()).flatMap(Password::dn);
            if (dn.isEmpty()) {
                return Verdict.ABSTAIN;
            }
            Optional<String> entry = directory.findDn(login);
            if (entry.isEmpty() || !entry.get().equalsIgnoreCase(dn.get())) {
                // gone from the directory, or another entry now has this login: locked out
                LOG.info("LDAP user {} ({}) is not in the directory under that DN; login refused", login, dn.get());
                return Verdict.REFUSE;
            }
            Optional<LdapUser> checked = directory.authenticate(login, password);
            if (checked.isEmpty()) {
                return Verdict.REFUSE;
            }
            if (syncOnLogin) {
                synchronize(known.get(), checked.get());
            }
            return accepted(known.get());
        }

        /** The user is stored already (created or synchronised with the directory's DN and owned groups here). */
        private Verdict accepted(Experimenter user) {
            return Verdict.accept(Identity.named(user.omeName()));
        }
    }

    /**
     * Creates a user vouched for by a provider: member of its groups (created private when missing; the first is
     * the default group) and of {@code user}, owner of {@code owned}; a DN marks a directory user.
     */
    private Experimenter create(String omeName, String first, String middle, String last, String email,
                                String institution, List<String> groups, List<String> owned, String dn) {
        UserNames.check(omeName);
        try (Session root = sdk.systemSession("identity")) {
            return root.write((q, w) -> {
                Experimenter e = new Experimenter(omeName, first, last);
                if (email != null && !email.isEmpty()) {
                    e.setEmail(email);
                }
                if (institution != null && !institution.isEmpty()) {
                    e.setInstitution(institution);
                }
                e.setLdap(dn != null);
                e = w.create(e);
                List<String> all = new ArrayList<>(groups);
                for (String g : owned) {
                    if (!all.contains(g)) {
                        all.add(g);
                    }
                }
                if (all.isEmpty()) {
                    throw new ValidationException("the identity provider gave user \"" + omeName
                            + "\" no group; a user needs a default group");
                }
                for (String g : all) {
                    w.create(new GroupExperimenterMap(group(q, w, g), e, owned.contains(g)));
                }
                w.create(new GroupExperimenterMap(group(q, w, Bootstrap.USER), e, false));
                Password p = new Password(e.id(), null);
                p.setDn(dn);
                w.hibernate().persist(p);
                LOG.info("created user {} from {}", omeName, dn == null ? "an external identity" : dn);
                return e;
            });
        }
    }

    private static ExperimenterGroup group(QueryPath q, WritePath w, String name) {
        return q.first(Select.from(ExperimenterGroup.class).whereEquals("o.name", name)).orElseGet(() -> {
            ExperimenterGroup g = new ExperimenterGroup(name);
            g.details().assignOwnership(null, null, Permissions.PRIVATE);
            return w.create(g);
        });
    }

    /** {@code sync_on_login}: the mapped fields and the directory's groups (added, never removed). */
    private void synchronize(Experimenter user, LdapUser u) {
        try (Session root = sdk.systemSession("ldap-sync")) {
            root.write((q, w) -> {
                Experimenter e = q.byId(Experimenter.class, user.id()).orElseThrow();
                e.setName(u.firstName(), u.lastName());
                if (!u.email().isEmpty()) {
                    e.setEmail(u.email());
                }
                if (!u.institution().isEmpty()) {
                    e.setInstitution(u.institution());
                }
                w.update(e);
                List<String> all = new ArrayList<>(u.groups());
                all.addAll(u.ownedGroups());
                for (String g : all) {
                    ExperimenterGroup group = group(q, w, g);
                    boolean owner = u.ownedGroups().contains(g);
                    Optional<GroupExperimenterMap> m = q.first(Select.from(GroupExperimenterMap.class)
                            .whereEquals("o.parent.id", group.id()).whereEquals("o.child.id", e.id()));
                    if (m.isEmpty()) {
                        w.create(new GroupExperimenterMap(group, e, owner));
                    } else if (owner && !m.get().isOwner()) {
                        m.get().setOwner(true);
                        w.update(m.get());
                    }
                }
                return null;
            });
        }
    }
}
