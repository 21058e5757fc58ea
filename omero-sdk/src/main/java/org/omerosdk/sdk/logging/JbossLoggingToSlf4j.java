package org.omerosdk.sdk.logging;

import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.logging.LoggerProvider;
import org.jboss.logging.Slf4jLoggerProvider;

/**
 * jboss-logging's provider for Hibernate, registered in {@code META-INF/services/org.jboss.logging.LoggerProvider}:
 * every message goes to SLF4J (jboss-logging itself uses SLF4J only when Logback is present, else
 * java.util.logging), INFO lowered to DEBUG.
 */
public final class JbossLoggingToSlf4j implements LoggerProvider {
    private final Slf4jLoggerProvider slf4j = new Slf4jLoggerProvider();

    @Override
    public Logger getLogger(String name) {
        return new Quiet(name, slf4j.getLogger(name));
    }

    /** INFO becomes DEBUG; every other level is kept. */
    static Logger.Level lowered(Logger.Level level) {
        return level == Logger.Level.INFO ? Logger.Level.DEBUG : level;
    }

    private static final class Quiet extends Logger {
        private static final long serialVersionUID = 1L;
        private final transient Logger target;

        Quiet(String name, Logger target) {
            super(name);
            this.target = target;
        }

        @Override
        public boolean isEnabled(Level level) {
            return target.isEnabled(lowered(level));
        }

        @Override
        protected void doLog(Level level, String loggerClassName, Object message, Object[] parameters,
                             Throwable thrown) {
            target.log(loggerClassName, lowered(level), message, parameters, thrown);
        }

        @Override
        protected void doLogf(Level level, String loggerClassName, String format, Object[] parameters,
                              Throwable thrown) {
            target.logf(loggerClassName, lowered(level), thrown, format, parameters);
        }
    }

    @Override
    public void clearMdc() {
        slf4j.clearMdc();
    }

    @Override
    public Object putMdc(String key, Object value) {
        return slf4j.putMdc(key, value);
    }

    @Override
    public Object getMdc(String key) {
        return slf4j.getMdc(key);
    }

    @Override
    public void removeMdc(String key) {
        slf4j.removeMdc(key);
    }

    @Override
    public Map<String, Object> getMdcMap() {
        return slf4j.getMdcMap();
    }

    @Override
    public void clearNdc() {
        slf4j.clearNdc();
    }

    @Override
    public String getNdc() {
        return slf4j.getNdc();
    }

    @Override
    public int getNdcDepth() {
        return slf4j.getNdcDepth();
    }

    @Override
    public String popNdc() {
        return slf4j.popNdc();
    }

    @Override
    public String peekNdc() {
        return slf4j.peekNdc();
    }

    @Override
    public void pushNdc(String message) {
        slf4j.pushNdc(message);
    }

    @Override
    public void setNdcMaxDepth(int maxDepth) {
        slf4j.setNdcMaxDepth(maxDepth);
    }
}
