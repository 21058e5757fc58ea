package org.omerosdk.sdk;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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
    private final HikariDataSource ownPool;
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

    private Database(Dialect dialect, SessionFactory sessions, HikariDataSource ownPool, String location) {
        this.dialect = dialect;
        this.location = location;
        this.sessions = sessions;
        this.ownPool = ownPool;
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
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db").resolve("omero") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** {@code url} with any password parameter masked, for messages and logs. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password|pass)=[^&;]*", "$1=***");
    }

    static Database open(OmeroConfig config, Optional<Path> dataDir, Optional<DataSource> hostDataSource) {
        HikariDataSource pool = null;
        DataSource ds;
        String described;
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
            hc.setMaximumPoolSize(config.getInt(ConfigKeys.DB_POOLSIZE));
            hc.setPoolName("omero-sdk");
            hc.setAutoCommit(false);
            // fail at start-up, once, instead of retrying for the pool's connection timeout
            hc.setInitializationFailTimeout(1);
            hc.setConnectionTimeout(10_000);
            try {
                pool = new HikariDataSource(hc);
            } catch (RuntimeException e) {
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
            try (Connection c = ds.getConnection()) {
                dialect = Dialect.ofProductName(c.getMetaData().getDatabaseProductName());
            }
            if (dialect == Dialect.POSTGRESQL) {
                requirePostgresSupport(own, "org.flywaydb.database.postgresql.PostgreSQLDatabaseType");
            }
            // Flyway holds one connection for its lock while it migrates on another: on the SDK's own pool it
            // connects beside the pool, so that a pool of one (omero.db.poolsize=1) opens. It validates the applied
            // migrations by checksum, so the schema is the one the mapping was tested against (MigrationTest runs
            // Hibernate's validation); Hibernate does not validate it again.
            var flyway = Flyway.configure(own).locations(dialect.migrations)
                    .loggers(org.omerosdk.sdk.logging.FlywayToSlf4j.class.getName());
            if (pool != null) {
                flyway.dataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
            } else {
                flyway.dataSource(ds);
            }
            flyway.load().migrate();
            SessionFactory sf = HibernateSettings.configuration(dialect, Map.of(
                    "hibernate.connection.datasource", ds,
                    "hibernate.hbm2ddl.auto", "none")).buildSessionFactory();
            return new Database(dialect, sf, pool, described);
        } catch (SQLException | RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            throw new StorageException("cannot open the database at " + described + ": " + rootMessage(e), e);
        } finally {
            thread.setContextClassLoader(callers);
        }
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

    @Override
    public void close() {
        sessions.close();
        if (ownPool != null) {
            ownPool.close();
        }
    }
}
