package org.omerosdk.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvidersTest {
    /** A service with one provider registered in this module's test resources. */
    public interface Greeter {
        String greet();
    }

    public static final class English implements Greeter {
        @Override
        public String greet() {
            return "hello";
        }
    }

    @Test
    void findsTheProvidersOfTheHomeLoader() {
        List<Greeter> found = Providers.of(Greeter.class, ProvidersTest.class);
        assertEquals(List.of("hello"), found.stream().map(Greeter::greet).toList());
    }

    @Test
    void aProviderBothLoadersSeeIsReturnedOnce() {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(ProvidersTest.class.getClassLoader());
        try {
            assertEquals(1, Providers.of(Greeter.class, ProvidersTest.class).size());
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    @Test
    void alsoAsksTheContextLoaderWhichTheHomeLoaderCannotSee(@TempDir Path dir) throws IOException {
        // A plugin host: the service file is visible only to the context loader, which delegates to ours
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve(Runnable.class.getName()), Quiet.class.getName() + "\n");
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (var plugin = new java.net.URLClassLoader(new URL[] {dir.toUri().toURL()},
                ProvidersTest.class.getClassLoader())) {
            assertTrue(Providers.of(Runnable.class, ProvidersTest.class).isEmpty(), "home loader sees none");
            Thread.currentThread().setContextClassLoader(plugin);
            List<Runnable> found = Providers.of(Runnable.class, ProvidersTest.class);
            assertEquals(List.of(Quiet.class.getName()),
                    found.stream().map(r -> r.getClass().getName()).collect(Collectors.toList()));
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    public static final class Quiet implements Runnable {
        @Override
        public void run() {
        }
    }
}
