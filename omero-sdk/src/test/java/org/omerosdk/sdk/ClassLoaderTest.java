package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK opens from a plugin's class loader while the thread's context class loader is the host's, as in Fiji:
 * the JDBC driver, Hibernate's and Flyway's resources come from the SDK's own loader.
 */
class ClassLoaderTest {
    @Test
    void opensFromAChildClassLoaderUnderAForeignContextClassLoader(@TempDir Path dir) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        ClassLoader platform = ClassLoader.getPlatformClassLoader();
        try (URLClassLoader plugin = new URLClassLoader("plugin", urls.toArray(URL[]::new), platform);
             URLClassLoader host = new URLClassLoader("host", new URL[0], platform)) {
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            thread.setContextClassLoader(host);
            try {
                Class<?> sdkClass = Class.forName(OmeroSdk.class.getName(), true, plugin);
                assertNotSame(OmeroSdk.class, sdkClass, "the SDK must be loaded afresh by the plugin loader");
                Object builder = sdkClass.getMethod("builder").invoke(null);
                Class<?> b = builder.getClass();
                b.getMethod("dataDirectory", Path.class).invoke(builder, dir);
                b.getMethod("passwordHashIterations", int.class).invoke(builder, 1000);
                try (AutoCloseable sdk = (AutoCloseable) b.getMethod("open").invoke(builder)) {
                    Object root = sdkClass.getMethod("rootSession").invoke(sdk);
                    Object admin = root.getClass().getMethod("admin").invoke(root);
                    List<?> groups = (List<?>) admin.getClass().getMethod("groups").invoke(admin);
                    assertTrue(groups.size() >= 3, "system, user and guest groups: " + groups);
                }
                assertSame(host, thread.getContextClassLoader(), "the caller's context class loader is restored");
            } finally {
                thread.setContextClassLoader(before);
            }
        }
    }
}
