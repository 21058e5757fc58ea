package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No split packages: every package is declared by one module of the build (its main and test sources), so that no
 * artifact reaches another's package-private internals by declaring classes in its package (as the benchmarks once
 * did in {@code org.omerosdk.sdk}), and the jars can go on a module path. A class another module needs from here
 * goes into this module's test-jar (as {@code Lab}, {@code EmbeddedPostgres} and the benchmarks' fixtures do) or
 * becomes public API.
 */
class SplitPackageTest {
    private static final Path ROOT = Path.of(System.getProperty("omerosdk.repo.root", ".."));
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");

    @Test
    void noPackageIsDeclaredByTwoModules() throws IOException {
        Map<String, Set<String>> modules = new TreeMap<>();
        int files = 0;
        try (Stream<Path> top = Files.list(ROOT)) {
            for (Path module : top.filter(d -> Files.isRegularFile(d.resolve("pom.xml"))).toList()) {
                for (Path source : sources(module)) {
                    Optional<String> pkg = declaredPackage(source);
                    if (pkg.isPresent()) {
                        modules.computeIfAbsent(pkg.get(), k -> new TreeSet<>())
                                .add(module.getFileName().toString());
                        files++;
                    }
                }
            }
        }
        assertTrue(modules.getOrDefault("org.omerosdk.sdk", Set.of()).contains("omero-sdk")
                && files > 100, "the source tree was not found under " + ROOT.toAbsolutePath());
        List<String> split = new ArrayList<>();
        modules.forEach((pkg, in) -> {
            if (in.size() > 1) {
                split.add(pkg + " in " + in);
            }
        });
        assertEquals(List.of(), split, "packages declared by more than one module");
    }

    private static List<Path> sources(Path module) throws IOException {
        try (Stream<Path> all = Files.walk(module)) {
            return all.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
                    .filter(p -> !module.relativize(p).toString().matches("(.*/)?(target|node_modules)/.*"))
                    .toList();
        }
    }

    private static Optional<String> declaredPackage(Path source) {
        try {
            Matcher m = PACKAGE.matcher(Files.readString(source));
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
