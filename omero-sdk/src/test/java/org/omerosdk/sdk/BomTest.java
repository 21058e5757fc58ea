package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** omero-sdk-bom lists every artifact of the build and the versions the tests actually run with. */
class BomTest {
    private static final Pattern DEPENDENCY = Pattern.compile(
            "<groupId>([^<]+)</groupId><artifactId>([^<]+)</artifactId><version>([^<]+)</version>");
    private static final Path ROOT = Path.of(System.getProperty("omerosdk.repo.root", ".."));

    private static Map<String, String> bom() throws Exception {
        String pom = Files.readString(ROOT.resolve("omero-sdk-bom/pom.xml"));
        Map<String, String> versions = new LinkedHashMap<>();
        Matcher m = DEPENDENCY.matcher(pom.substring(pom.indexOf("<dependencyManagement>")));
        while (m.find()) {
            versions.put(m.group(1) + ":" + m.group(2), m.group(3));
        }
        return versions;
    }

    @Test
    void everyModuleOfTheBuildIsInTheBom() throws Exception {
        Map<String, String> bom = bom();
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(parent);
        List<String> missing = new ArrayList<>();
        while (m.find()) {
            String module = m.group(1);
            if (!module.equals("omero-sdk-bom") && !module.equals("benchmarks")
                    && !module.equals("consumer-test")
                    && !bom.containsKey("org.omerosdk:" + module)) {
                missing.add(module);
            }
        }
        assertEquals(List.of(), missing, "modules missing from omero-sdk-bom");
    }

    @Test
    void theBomsLibraryVersionsAreTheOnesOnTheTestClassPath() throws Exception {
        Map<String, String> bom = bom();
        int checked = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            // a Maven repository layout: .../group/path/artifact/version/artifact-version.jar
            if (!entry.endsWith(".jar") || jar.getNameCount() < 4) {
                continue;
            }
            String version = jar.getParent().getFileName().toString();
            String artifact = jar.getParent().getParent().getFileName().toString();
            for (Map.Entry<String, String> e : bom.entrySet()) {
                if (e.getKey().endsWith(":" + artifact) && !e.getValue().startsWith("$")
                        && entry.replace(File.separatorChar, '/').contains(
                                "/" + e.getKey().substring(0, e.getKey().indexOf(':')).replace('.', '/') + "/")) {
                    assertEquals(e.getValue(), version, e.getKey() + " in omero-sdk-bom");
                    checked++;
                }
            }
        }
        assertTrue(checked >= 15, "only " + checked + " BOM entries found on the class path");
    }
}
