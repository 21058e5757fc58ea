package org.omerosdk.sdk;

import com.zaxxer.hikari.HikariConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.omerosdk.model.StorageException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;

/**
 * The metadata database of one SDK instance: a pool (or the host's DataSource), migrated and validated by Flyway,
 * mapped by Hibernate. Closing it closes the pool it created, never a host's DataSource.
 */
final class Database implements AutoCloseable {
    final Dialect dialect;
    final SessionFactory sessions;
    /** Where the database is, for logs: its URL without password, or "the host-supplied DataSource". */
    final String location;
    private final ConnectionPool ownPool;
    /** H2's errors after which a connection's database is closed: general error (a failed write), closed, shut down. */
    private static final java.util.Set<Integer> H2_CLOSED = java.util.Set.of(50000, 90098, 90121);
    /** The unit of work running on each thread, so that reads nested in it share its connection. */
    final ThreadLocal<Unit> current = new ThreadLocal<>();

    /** A running transaction: its session, and what to undo in caches if it does not commit. */
    static final class Unit {
        final org.hibernate.Session session;
        final java.util.List<Runnable> onRollback = new java.util.ArrayList<>();

        Unit(org.hibernate.Session session) {
            this.session = session;
        }

        Connection connection() {
            return session.doReturningWork(c -> c);
        }
    }

    /** The directory of the embedded H2 database, when the SDK chose it (the data directory's {@code db}). */
    final Optional<Path> embeddedDir;

    private Database(Dialect dialect, SessionFactory sessions, ConnectionPool ownPool, Optional<Path> embeddedDir,
                     String location) {
        this.dialect = dialect;
        this.location = location;
        this.sessions = sessions;
        this.ownPool = ownPool;
        this.embeddedDir = embeddedDir;
    }

    /** The JDBC URL the configuration selects: omero.db.url, else PostgreSQL on omero.db.host, else H2 in dataDir. */
    static String jdbcUrl(OmeroConfig config, Optional<Path> dataDir) {
        String url = config.get(ConfigKeys.DB_URL).trim();
        if (!url.isEmpty()) {
            return url;
        }
        String host = config.get(ConfigKeys.DB_HOST).trim();
        if (!host.isEmpty()) {
            return "jdbc:postgresql://" + host + ":" + config.getInt(ConfigKeys.DB_PORT) + "/"
                    + config.get(ConfigKeys.DB_NAME);
        }
        Path dir = dataDir.orElseThrow(() -> new StorageException("no database configured: set a data directory "
                + "(embedded H2), omero.db.host / omero.db.url (PostgreSQL) or a DataSource"));
        // WRITE_DELAY=0: a commit returns after H2 wrote it to the file, not up to 500 ms later from a background
        // thread whose failure (a full disk) would lose commits that had already returned
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db").resolve("omero")
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    /** {@code url} with any password parameter masked, for messages and logs. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password|pass)=[^&;]*", "$1=***");
    }

    static Database open(OmeroConfig config, Optional<Path> dataDir, Optional<DataSource> hostDataSource) {
        ConnectionPool pool = null;
        DataSource ds;
        String described;
        Optional<Path> embeddedDir = hostDataSource.isEmpty() && config.get(ConfigKeys.DB_URL).isBlank()
                && config.get(ConfigKeys.DB_HOST).isBlank() ? dataDir.map(d -> d.toAbsolutePath().resolve("db"))
                : Optional.empty();
        // a lost, emptied or truncated file is refused before H2 opens (and would rewrite) it
        embeddedDir.ifPresent(RepositoryGuard::checkEmbeddedFile);
        if (hostDataSource.isPresent()) {
            ds = hostDataSource.get();
            described = "the host-supplied DataSource";
        } else {
            String url = jdbcUrl(config, dataDir);
            described = redact(url);
            HikariConfig hc = new HikariConfig();
            hc.setJdbcUrl(url);
            // named, so that the pool loads the driver from the SDK's class loader: DriverManager only knows the
            // drivers of the context class loader it first ran under, which in a plugin host is not ours
            if (url.startsWith("jdbc:h2:")) {
                hc.setDriverClassName("org.h2.Driver");
            } else if (url.startsWith("jdbc:postgresql:")) {
                requirePostgresSupport(Database.class.getClassLoader(), "org.postgresql.Driver");
                hc.setDriverClassName("org.postgresql.Driver");
            }
            if (!url.startsWith("jdbc:h2:")) {
                hc.setUsername(config.get(ConfigKeys.DB_USER));
                hc.setPassword(config.get(ConfigKeys.DB_PASS));
            }
            if (url.startsWith("jdbc:postgresql:")) {
                // one multi-row INSERT per JDBC batch instead of one statement per row
                hc.addDataSourceProperty("reWriteBatchedInserts", "true");
            }
            if (url.startsWith("jdbc:h2:")) {
                // H2 closes a database whose file it could not write (a full disk): drop the pooled connections
                // to it, so that the next call reopens the file (and works again once there is space)
                hc.setExceptionOverride(new com.zaxxer.hikari.SQLExceptionOverride() {
                    @java.lang.Override
                    public Override adjudicate(SQLException e) {
                        return H2_CLOSED.contains(e.getErrorCode()) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
                    }
                });
            }
            hc.setMaximumPoolSize(config.getInt(ConfigKeys.DB_POOLSIZE));
            hc.setPoolName("omero-sdk");
            hc.setAutoCommit(false);
            hc.setConnectionTimeout(10_000);
            try {
                pool = ConnectionPool.start(hc);
            } catch (SQLException | RuntimeException e) {
                throw new StorageException("cannot connect to the database at " + described + ": "
                        + rootMessage(e), e);
            }
            ds = pool;
        }
        // Hibernate's and Flyway's resources and services come from the SDK's own class loader, whatever the
        // caller's context class loader is (plugin hosts such as Fiji set their own)
        ClassLoader own = Database.class.getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader callers = thread.getContextClassLoader();
        thread.setContextClassLoader(own);
        try {
            Dialect dialect;
            String product;
            int major;
            int minor;
            try (Connection c = ds.getConnection()) {
                var meta = c.getMetaData();
                product = meta.getDatabaseProductName();
                major = meta.getDatabaseMajorVersion();
                minor = meta.getDatabaseMinorVersion();
                dialect = Dialect.ofProductName(product);
                if (embeddedDir.isPresent()) {
                    RepositoryGuard.checkMigrated(c, embeddedDir.get());
                }
            }
            if (dialect == Dialect.POSTGRESQL) {
                requirePostgresSupport(own, "org.flywaydb.database.postgresql.PostgreSQLDatabaseType");
            }
            // Hibernate's bootstrap (mapping ~80 entities, generating their proxy classes) is most of an open's CPU
            // and needs nothing from the database once it is told the product and version, so it runs on its own
            // thread while Flyway migrates; the session factory is used only after both are done
            Map<String, Object> settings = Map.of(
                    "hibernate.connection.datasource", ds,
                    "hibernate.hbm2ddl.auto", "none",
                    "hibernate.boot.allow_jdbc_metadata_access", "false",
                    "jakarta.persistence.database-product-name", product,
                    "jakarta.persistence.database-major-version", Integer.toString(major),
                    "jakarta.persistence.database-minor-version", Integer.toString(minor));
            java.util.concurrent.FutureTask<SessionFactory> bootstrap = new java.util.concurrent.FutureTask<>(
                    () -> HibernateSettings.configuration(dialect, settings).buildSessionFactory());
            Thread mapper = new Thread(bootstrap, "omero-sdk-hibernate-bootstrap");
            mapper.setDaemon(true);
            mapper.setContextClassLoader(own);
            mapper.start();
            try {
                // Flyway holds one connection for its lock while it migrates on another: on the SDK's own pool it
                // connects beside the pool, so that a pool of one (omero.db.poolsize=1) opens. It validates the
                // applied migrations by checksum, so the schema is the one the mapping was tested against
                // (MigrationTest runs Hibernate's validation); Hibernate does not validate it again.
                var flyway = Flyway.configure(own).locations(dialect.migrations)
                        .loggers(org.omerosdk.sdk.logging.FlywayToSlf4j.class.getName());
                if (pool != null) {
                    flyway.dataSource(pool.jdbcUrl(), pool.username(), pool.password());
                } else {
                    flyway.dataSource(ds);
                }
                flyway.load().migrate();
            } catch (RuntimeException e) {
                closeWhenBuilt(bootstrap);
                throw e;
            }
            SessionFactory sf = awaitBootstrap(bootstrap);
            return new Database(dialect, sf, pool, embeddedDir, described);
        } catch (SQLException | RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            if (e instanceof StorageException refused) {
                throw refused;
            }
            throw new StorageException("cannot open the database at " + described + ": " + rootMessage(e), e);
        } finally {
            thread.setContextClassLoader(callers);
        }
    }

    /** The session factory the bootstrap thread built, or its failure as this thread's. */
    private static SessionFactory awaitBootstrap(java.util.concurrent.FutureTask<SessionFactory> bootstrap) {
        try {
            return bootstrap.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeWhenBuilt(bootstrap);
            throw new StorageException("interrupted while opening the database", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new StorageException("cannot map the model: " + e.getCause(), e.getCause());
        }
    }

    /** After a failed migration: the factory the other thread is building is closed once it exists. */
    private static void closeWhenBuilt(java.util.concurrent.FutureTask<SessionFactory> bootstrap) {
        Thread closer = new Thread(() -> {
            try {
                bootstrap.get().close();
            } catch (Exception ignored) {
                // nothing was built, or it failed: nothing to close
            }
        }, "omero-sdk-hibernate-close");
        closer.setDaemon(true);
        closer.start();
    }

    /** PostgreSQL support is optional: a clear error naming what to add when a class of it is missing. */
    private static void requirePostgresSupport(ClassLoader loader, String className) {
        try {
            Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new StorageException("the database is PostgreSQL but " + className + " is not on the class path: "
                    + "add the dependencies org.postgresql:postgresql and org.flywaydb:flyway-database-postgresql "
                    + "(versions in omero-sdk-bom)");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return redact(String.valueOf(t.getMessage()));
    }

    /**
     * Closes the session factory and the pool the SDK created. For the embedded H2 database it first forces
     * everything to the file (CHECKPOINT), so that a flush that fails is reported instead of lost in H2's close.
     *
     * @throws StorageException when the final flush failed (everything is closed all the same)
     */
    @Override
    public void close() {
        StorageException failed = null;
        if (ownPool != null && embeddedDir.isPresent()) {
            try (Connection c = ownPool.getConnection(); java.sql.Statement s = c.createStatement()) {
                s.execute("CHECKPOINT");
                c.commit();
            } catch (SQLException | RuntimeException e) {
                failed = new StorageException("closing the database at " + location + ": the final flush to "
                        + embeddedDir.get().resolve(RepositoryGuard.H2_FILE) + " failed (" + rootMessage(e)
                        + "); commits that returned were written before they returned, anything later is not "
                        + "stored", e);
            }
        }
        try {
            sessions.close();
        } finally {
            if (ownPool != null) {
                ownPool.close();
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
