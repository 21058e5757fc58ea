package org.omerosdk.sdk;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.pool.HikariPool;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The SDK's own connection pool: HikariCP's pool without its {@code HikariDataSource} front, which logs four INFO
 * lines per open and close ("Starting...", "Start completed.", "Shutdown initiated...", "Shutdown completed.");
 * the SDK logs one line per open itself. Hikari's warnings and errors still reach SLF4J.
 */
final class ConnectionPool implements DataSource, AutoCloseable {
    private final HikariConfig config;
    private final HikariPool pool;

    private ConnectionPool(HikariConfig config) {
        config.validate();
        this.config = config;
        this.pool = new HikariPool(config);
    }

    /**
     * Starts a pool on {@code config} that holds at least one connection; fails at once, with the driver's own
     * error, when no connection can be made (instead of retrying for the connection timeout).
     */
    static ConnectionPool start(HikariConfig config) throws SQLException {
        // Hikari's own fail-fast check would log its first connection at INFO: one quiet connection made here
        // fails just as fast, and it keeps an embedded H2 database open while the pool makes its first
        config.setInitializationFailTimeout(-1);
        try (Connection probe = connectOnce(config)) {
            ConnectionPool started = new ConnectionPool(config);
            try {
                started.getConnection().close();
            } catch (SQLException | RuntimeException e) {
                started.close();
                throw e;
            }
            return started;
        }
    }

    private static Connection connectOnce(HikariConfig config) throws SQLException {
        String url = config.getJdbcUrl();
        java.util.Properties props = new java.util.Properties();
        props.putAll(config.getDataSourceProperties());
        if (config.getUsername() != null) {
            props.setProperty("user", config.getUsername());
        }
        if (config.getPassword() != null) {
            props.setProperty("password", config.getPassword());
        }
        Driver driver;
        if (config.getDriverClassName() != null) {
            try {
                driver = (Driver) Class.forName(config.getDriverClassName(), true, ConnectionPool.class.getClassLoader())
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new SQLException("cannot load the JDBC driver " + config.getDriverClassName() + ": " + e, e);
            }
        } else {
            driver = DriverManager.getDriver(url);
        }
        Connection c = driver.connect(url, props);
        if (c == null) {
            throw new SQLException("the JDBC driver " + driver.getClass().getName() + " does not accept " + url);
        }
        return c;
    }

    String jdbcUrl() {
        return config.getJdbcUrl();
    }

    String username() {
        return config.getUsername();
    }

    String password() {
        return config.getPassword();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the SDK's pool connects as the configured omero.db.user only");
    }

    @Override
    public void close() {
        try {
            pool.shutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // logs go through SLF4J
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the pool's connection timeout applies
    }

    @Override
    public int getLoginTimeout() {
        return (int) (config.getConnectionTimeout() / 1000);
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("logs go through SLF4J");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException(getClass().getName() + " is not a " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
