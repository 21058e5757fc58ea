package org.omerosdk.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged plugin jar (run in the integration-test phase, after the shade) in one class loader behind the versions
 * of the libraries Fiji's jars/ folder holds that the jar holds too (jackson-annotations, jackson-core/databind 2.19,
 * antlr4-runtime 4.11), those first — the order in which they shadow the jar's own copies — with ImageJ, as in Fiji,
 * where one class loader holds jars/ and plugins/. Without the jar's relocations, Jackson 3 (Flyway) finds 2.19's
 * annotations, which lack {@code JsonSerializeAs}, and Hibernate's HQL parser finds ANTLR 4.11.
 */
class FijiClassPathTest {
    @TempDir
    Path dir;

    @Test
    void thePluginWorksBehindFijisLibraries() throws Exception {
        Path jar = Path.of(System.getProperty("plugin.jar"));
        Path fiji = Path.of(System.getProperty("fiji.jars"));
        assertTrue(Files.isRegularFile(jar), jar + " (the shaded plugin jar) is built in the package phase");
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> jars = Files.list(fiji)) {
            for (Path p : jars.sorted().toList()) {
                urls.add(p.toUri().toURL());
            }
        }
        assertEquals(5, urls.size(), "Fiji's libraries and ImageJ in " + fiji + ": " + urls);
        urls.add(jar.toUri().toURL());
        // the probe alone comes from the test classes; everything it uses resolves in the jars before them
        urls.add(Path.of("target", "test-classes").toAbsolutePath().toUri().toURL());
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader fijiLoader = new URLClassLoader(urls.toArray(new URL[0]),
                ClassLoader.getPlatformClassLoader())) {
            // the loader is Fiji-like: its Jackson annotations and ANTLR are Fiji's; the jar brings no class of those
            // packages to mix with them (without the relocation, JsonSerializeAs would come from the jar)
            assertThrows(ClassNotFoundException.class,
                    () -> fijiLoader.loadClass("com.fasterxml.jackson.annotation.JsonSerializeAs"));
            assertEquals("4.11.1", fijiLoader.loadClass("org.antlr.v4.runtime.RuntimeMetaData")
                    .getField("VERSION").get(null));
            thread.setContextClassLoader(fijiLoader);
            Object result = fijiLoader.loadClass(FijiClassPathProbe.class.getName()).getMethod("run", String.class)
                    .invoke(null, dir.resolve("data").toString());
            assertTrue(result.toString().matches("32x24 images=1 pixel=(\\d+)/\\1"), result.toString());
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
