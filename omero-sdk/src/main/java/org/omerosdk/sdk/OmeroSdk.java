package org.omerosdk.sdk;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.omerosdk.model.AuthenticationException;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.config.ConfigKey;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.model.store.BinaryStore;
import org.omerosdk.repo.ManagedRepository;
import org.omerosdk.repo.store.FileSystemBinaryStore;
import org.omerosdk.sdk.config.ConfigStore;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.permissions.auth.PasswordHasher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point: one embedded OMERO over one metadata database. Open it with {@link #builder()}, log in to get a
 * {@link Session}, close it when done. Thread-safe; instances share nothing, so several may run in one JVM.
 *
 * <pre>{@code
 * try (OmeroSdk sdk = OmeroSdk.builder().dataDirectory(Path.of("omero-data")).open()) {
 *     Session root = sdk.rootSession();
 *     ...
 * }
 * }</pre>
 */
public final class OmeroSdk implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OmeroSdk.class);

    private final Database db;
    private final Store store;
    private final PasswordHasher hasher;
    private final Optional<Path> dataDirectory;
    private final char[] generatedRootPassword;

    private final OmeroConfig config;
    private final Sessions sessions;
    private final Authenticator authenticator;
    private final BinaryStore binaryStore;
    /** The store opened from {@code omero.sdk.binary_store}, closed with this instance (a host's is not). */
    private final BinaryStore ownStore;
    private ManagedRepository repository;
    private final PixelSources pixelSources = new PixelSources();
    private final RenderingParts rendering;

    private OmeroSdk(Builder b) {
        this.dataDirectory = Optional.ofNullable(b.dataDirectory);
        this.hasher = b.hashIterations == 0 ? PasswordHasher.standard()
                : PasswordHasher.withIterations(b.hashIterations);
        this.config = effectiveConfig(b);
        this.ownStore = b.binaryStore == null ? ConfiguredStores.open(config) : null;
        this.binaryStore = b.binaryStore != null ? b.binaryStore : ownStore;
        this.rendering = new RenderingParts(config);
        try {
            this.db = Database.open(config, dataDirectory, Optional.ofNullable(b.dataSource));
        } catch (RuntimeException e) {
            closeOwnStore(e);
            throw e;
        }
        try {
            Store system = new Store(db, ReadFilter.NONE, WriteCheck.ALLOW_ALL);
            // loaded inside the caller's transaction (see Store.run); forgotten if it rolls back, as the level
            // read may be that transaction's own uncommitted change
            java.util.function.LongFunction<Permissions> levels = groupId -> {
                Permissions level = system.read(Bootstrap.SYSTEM_CONTEXT, q -> q.byId(ExperimenterGroup.class,
                        groupId).map(ExperimenterGroup::permissions).orElse(Permissions.PRIVATE));
                system.onRollback(() -> forgetLevel(groupId));
                return level;
            };
            java.util.function.Supplier<WellKnownIds> ids = memoized(() -> WellKnownIds.read(system));
            this.store = new Store(db, new PermissionReadFilter(levels,
                    config.getBoolean(ConfigKeys.SDK_PUBLIC_ANNOTATIONS), ids), new PermissionWriteCheck(levels, ids));
            // an empty database next to files of a managed repository is a lost database, not a new repository
            // (checked for a managed directory the host chose: in its data directory or set explicitly; not for
            // OMERO's default /OMERO/ManagedRepository without a data directory, nor for a host's BinaryStore)
            boolean ownManagedDir = binaryStore == null && (b.dataDirectory != null
                    || config.explicitValues().containsKey(ConfigKeys.MANAGED_DIR.name()));
            this.generatedRootPassword = Bootstrap.run(store, hasher, b.rootPassword, () -> {
                if (ownManagedDir) {
                    RepositoryGuard.checkNoOrphanedFiles(Path.of(config.get(ConfigKeys.MANAGED_DIR)), db.location);
                }
            });
            db.embeddedDir.ifPresent(RepositoryGuard::markCreated);
            if (ownManagedDir && java.nio.file.Files.isDirectory(Path.of(config.get(ConfigKeys.MANAGED_DIR)))) {
                repository(); // opening it cleans after imports a killed JVM left (see ImportJournal)
            }
            this.sessions = new Sessions(store, b.clock, config, ids);
            this.authenticator = new Authenticator(this, store, hasher, config, b.passwordProviders,
                    b.groupMappers);
        } catch (RuntimeException e) {
            try {
                db.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            closeOwnStore(e);
            throw e;
        }
        LOG.info("omero-sdk opened: metadata in {} ({}), files in {}", db.location, db.dialect,
                binaryStore != null ? binaryStore.describe() : "file:" + config.get(ConfigKeys.MANAGED_DIR));
        if (generatedRootPassword != null) {
            // the password itself stays out of logs, which outlive it; the host prints it if it wants to
            LOG.warn("omero-sdk: created user root with a generated password; it is available once from "
                    + "OmeroSdk.generatedRootPassword() (reset it with rootSession().admin().setPassword)");
        }
    }

    private void forgetLevel(long groupId) {
        store.groupChanged(groupId);
    }

    /** Computes once, on first use, from any thread. */
    private static <T> java.util.function.Supplier<T> memoized(java.util.function.Supplier<T> compute) {
        java.util.concurrent.atomic.AtomicReference<T> value = new java.util.concurrent.atomic.AtomicReference<>();
        return () -> {
            T v = value.get();
            if (v == null) {
                v = compute.get();
                value.compareAndSet(null, v);
            }
            return v;
        };
    }

    /** The permission-enforcing store (for tests and the package's services). */
    Store store() {
        return store;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The configuration in force: OMERO's defaults, under the values stored in the data directory
     * ({@code omero config set}), under the builder's values; {@code omero.data.dir} is the data directory unless
     * set explicitly.
     */
    public OmeroConfig config() {
        return config;
    }

    /**
     * The managed repository, laid out by {@code omero.fs.repo.path}: in the builder's {@link Builder#binaryStore}, or
     * a filesystem store at {@code omero.managed.dir} (inside the data directory by default). Created on first use.
     * Not public: users reach its files through the session's services and their permission checks.
     */
    synchronized ManagedRepository repository() {
        if (repository == null) {
            repository = ManagedRepository.open(config, binaryStore != null ? binaryStore
                    : new FileSystemBinaryStore(Path.of(config.get(ConfigKeys.MANAGED_DIR))));
            try {
                // what a JVM killed mid-import left: unfinished writes and files no row records
                ImportJournal.resume(store, repository.store());
            } catch (org.omerosdk.model.OmeroException | java.io.UncheckedIOException e) {
                LOG.warn("omero-sdk: could not clean after interrupted imports in {}: {}",
                        repository.store().describe(), e.getMessage());
            }
            try {
                // files of deletes that committed before a crash took the JVM, before it removed them
                int removed = BinaryCleanup.resume(store, repository.store());
                if (removed > 0) {
                    LOG.info("omero-sdk: removed {} files of deletes an earlier run committed but did not finish",
                            removed);
                }
            } catch (org.omerosdk.model.OmeroException | java.io.UncheckedIOException e) {
                LOG.warn("omero-sdk: could not finish interrupted deletes in {}: {}",
                        repository.store().describe(), e.getMessage());
            }
        }
        return repository;
    }

    /** The renderer, thumbnail cache and projector shared by every session of this instance. */
    RenderingParts rendering() {
        return rendering;
    }

    /** The open pixel sources of imported images, shared by every session of this instance. */
    PixelSources pixelSources() {
        return pixelSources;
    }

    private static OmeroConfig effectiveConfig(Builder b) {
        OmeroConfig c = OmeroConfig.defaults();
        if (b.dataDirectory != null) {
            c = ConfigStore.open(b.dataDirectory).snapshot();
            if (!c.explicitValues().containsKey(ConfigKeys.DATA_DIR.name())) {
                c = c.with(ConfigKeys.DATA_DIR, b.dataDirectory.toAbsolutePath().toString());
            }
        }
        for (Map.Entry<String, String> e : b.config.explicitValues().entrySet()) {
            c = c.with(e.getKey(), e.getValue());
        }
        return c;
    }

    /**
     * The root password generated by this {@link #builder()}'s {@code open()}, present only when this open created
     * the repository and no password was given to the builder. Never stored anywhere else.
     */
    public Optional<char[]> generatedRootPassword() {
        return Optional.ofNullable(generatedRootPassword).map(char[]::clone);
    }

    /** The data directory of an embedded repository. */
    public Optional<Path> dataDirectory() {
        return Optional.ofNullable(dataDirectory.orElse(null));
    }

    /**
     * Logs in with a password. The session's group context is "all my groups" (reads see every group the user is a
     * member of; new objects go to the user's default group).
     *
     * <p>The password-provider chain ({@code omero.security.password_provider}) decides: host providers
     * ({@link Builder#passwordProvider}), LDAP ({@code omero.ldap.*}), the internal password table.
     * A provider that throws refuses the login; the exception is logged, not passed on.
     *
     * @throws AuthenticationException for an unknown user, a user without password or a wrong password (one
     *                                 message for all, so that names cannot be probed)
     */
    public Session login(String userName, char[] password) {
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(password, "password");
        Authenticator.Authenticated a = authenticator.authenticate(userName, password);
        return open(a.user(), a.agent());
    }

    /**
     * {@link #login(String, char[])} for a host that knows where the login comes from (a web gateway): with
     * {@code omero.security.login_failure_throttle_time} set, repeated failures are delayed per user name and per
     * {@code clientAddress} alike.
     */
    public Session login(String userName, char[] password, String clientAddress) {
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(clientAddress, "clientAddress");
        Authenticator.Authenticated a = authenticator.authenticate(userName, password, Optional.of(clientAddress));
        return open(a.user(), a.agent());
    }

    /** The login chain (for tests of its throttle and hashing work). */
    Authenticator authenticator() {
        return authenticator;
    }

    /** The hasher the login chain verifies with (tests count its derivations). */
    PasswordHasher hasher() {
        return hasher;
    }

    /**
     * The session of OMERO.web's public user ({@code omero.web.public.user} / {@code .password}), for pages anyone
     * may see: it reads what that user's groups let it read, sees no annotations unless
     * {@code omero.sdk.public.annotations} is true, and while {@code omero.web.public.get_only} is true (the
     * default) it cannot write anything — rendering settings may be varied for display through the renderer but
     * never saved.
     *
     * @throws org.omerosdk.model.SecurityViolation when {@code omero.web.public.enabled} is false
     * @throws org.omerosdk.model.ValidationException when no public user is configured
     * @throws AuthenticationException when the configured user or password is refused
     */
    public Session publicSession() {
        if (!config.getBoolean(ConfigKeys.WEB_PUBLIC_ENABLED)) {
            throw new org.omerosdk.model.SecurityViolation("public access is disabled: omero.web.public.enabled is "
                    + "false");
        }
        String name = config.get(ConfigKeys.WEB_PUBLIC_USER);
        if (name.isBlank()) {
            throw new org.omerosdk.model.ValidationException("omero.web.public.enabled is true but "
                    + "omero.web.public.user is empty");
        }
        Authenticator.Authenticated a = authenticator.authenticate(name,
                config.get(ConfigKeys.WEB_PUBLIC_PASSWORD).toCharArray());
        return open(a.user(), SessionLimits.of(a.user().id()).asPublic(), "public");
    }

    /** A root session for the SDK's own bookkeeping (users created by identity providers), named by its agent. */
    Session systemSession(String agent) {
        return open(store.read(Bootstrap.SYSTEM_CONTEXT, q -> q.byId(Experimenter.class, Bootstrap.rootId(q))
                .orElseThrow()), agent);
    }

    /**
     * A session as {@code root} without a password, for the embedding host, which already controls the data
     * directory and database (OMERO's equivalent is a server-side root session).
     */
    public Session rootSession() {
        return open(store.read(Bootstrap.SYSTEM_CONTEXT, q -> q.byId(Experimenter.class, Bootstrap.rootId(q))
                .orElseThrow()), "host");
    }

    /** A session of the user named {@code userName} with the limits {@code limits} gives for their id. */
    Session sudo(String userName, java.util.function.LongFunction<SessionLimits> limits, String agent) {
        Experimenter user = store.read(Bootstrap.SYSTEM_CONTEXT, q -> q.first(Select.from(Experimenter.class)
                .whereEquals("o.omeName", userName)))
                .orElseThrow(() -> new NotFoundException("no user named \"" + userName + "\""));
        return open(user, limits.apply(user.id()), agent);
    }

    private Session open(Experimenter user, String agent) {
        return open(user, SessionLimits.of(user.id()), agent);
    }

    /** Records a new session of {@code user} with {@code limits}, checked on the stored rows as it is opened. */
    private Session open(Experimenter user, SessionLimits limits, String agent) {
        Sessions.State state = sessions.open(limits, agent);
        return new Session(this, store, user, SessionLimits.NONE, sessions, state, hasher);
    }

    /**
     * Joins a session by its {@linkplain Session#key() key}, from this or another SDK instance on the same
     * database. It is the same session: its user, sudoer, group-sudo group, public flag, group context, privilege
     * ceiling and timeouts are those stored when it was opened, and its rights are derived from them on every call
     * as for the session that opened it. Joining counts as activity.
     *
     * @throws AuthenticationException for an unknown key or a closed or expired session (one message for all)
     */
    public Session joinSession(String key) {
        Sessions.Joined j = sessions.join(key);
        Experimenter user = store.read(Bootstrap.SYSTEM_CONTEXT, q -> q.byId(Experimenter.class, j.ownerId()))
                .orElseThrow(() -> new AuthenticationException(Sessions.REFUSED));
        return new Session(this, store, user, SessionLimits.NONE, sessions, j.state(), hasher);
    }

    /**
     * Closes the database pool (not a host-supplied DataSource). Sessions of this instance stop working. Closing
     * again does nothing (a host and a plugin it handed the instance to may both close it).
     *
     * @throws org.omerosdk.model.StorageException when the embedded database's final flush failed (everything is
     *                                             closed all the same; commits that returned are on disk)
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (generatedRootPassword != null) {
            Arrays.fill(generatedRootPassword, '\0');
        }
        pixelSources.close();
        try {
            db.close();
        } finally {
            if (ownStore != null) {
                ownStore.close();
            }
        }
    }

    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private void closeOwnStore(RuntimeException failure) {
        if (ownStore != null) {
            try {
                ownStore.close();
            } catch (RuntimeException closing) {
                failure.addSuppressed(closing);
            }
        }
    }

    /** Configures and opens an {@link OmeroSdk}. Not thread-safe; use once. */
    public static final class Builder {
        private Path dataDirectory;
        private DataSource dataSource;
        private BinaryStore binaryStore;
        private OmeroConfig config = OmeroConfig.defaults();
        private char[] rootPassword;
        private int hashIterations;
        private java.time.Clock clock = java.time.Clock.systemUTC();
        private final java.util.List<org.omerosdk.permissions.auth.PasswordProvider> passwordProviders =
                new java.util.ArrayList<>();
        private final Map<String, org.omerosdk.permissions.ldap.NewUserGroupMapper> groupMappers =
                new java.util.HashMap<>();

        private Builder() {
        }

        /**
         * Adds a host password provider to the login chain (see {@link org.omerosdk.permissions.auth.PasswordProvider}):
         * asked before LDAP and the password table under the default {@code chainedPasswordProvider}, in the order
         * added, or where {@code omero.security.password_provider} names it. {@code open()} refuses two providers of
         * one name and the names of the built-in ones.
         */
        public Builder passwordProvider(org.omerosdk.permissions.auth.PasswordProvider provider) {
            passwordProviders.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /** Registers the rule {@code omero.ldap.new_user_group=:bean:NAME} refers to (OMERO's Spring bean). */
        public Builder ldapGroupMapper(String name, org.omerosdk.permissions.ldap.NewUserGroupMapper mapper) {
            groupMappers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(mapper, "mapper"));
            return this;
        }

        /** The clock sessions measure their timeouts with (tests pass a controllable one). */
        public Builder clock(java.time.Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** An embedded repository: the H2 database lives in {@code dir/db/omero}. */
        public Builder dataDirectory(Path dir) {
            this.dataDirectory = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** The host's own database (H2 or PostgreSQL); the SDK migrates it but never closes it. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /**
         * Where the managed repository keeps its files (imported originals, and the pyramids and thumbnails the SDK
         * stores with them) instead of the filesystem at {@code omero.managed.dir}: a host's own store, or
         * {@code org.omerosdk.s3.S3BinaryStore} from the optional artifact {@code omero-s3}. The SDK does not close
         * it. Without one, {@code omero.sdk.binary_store} chooses ({@code filesystem}, or {@code s3} with
         * {@code omero-s3} on the class path and the {@code omero.sdk.s3.*} keys).
         */
        public Builder binaryStore(BinaryStore store) {
            this.binaryStore = Objects.requireNonNull(store, "store");
            return this;
        }

        /** The configuration; {@code omero.db.*} keys select PostgreSQL. */
        public Builder config(OmeroConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        public Builder set(ConfigKey key, String value) {
            this.config = config.with(key, value);
            return this;
        }

        /** The password root gets when this open creates the repository; ignored for an existing one. */
        public Builder rootPassword(char[] password) {
            this.rootPassword = password.clone();
            return this;
        }

        /** PBKDF2 cost for new password hashes (default 600,000); tests use a low value to run fast. */
        public Builder passwordHashIterations(int iterations) {
            this.hashIterations = iterations;
            return this;
        }

        /**
         * Opens the database (creating or upgrading its schema), bootstrapping system groups and users on first
         * use.
         *
         * @throws org.omerosdk.model.StorageException when the database cannot be reached, naming its URL without
         *                                             the password
         */
        public OmeroSdk open() {
            return new OmeroSdk(this);
        }
    }
}
