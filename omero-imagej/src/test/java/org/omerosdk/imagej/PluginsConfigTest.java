package org.omerosdk.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.plugin.PlugIn;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every menu command in plugins.config names a plugin class of this module, under Plugins › OMERO SDK. */
class PluginsConfigTest {
    @Test
    void everyCommandNamesAPlugInOfThisModule() throws Exception {
        String config;
        try (InputStream in = getClass().getResourceAsStream("/plugins.config")) {
            assertNotNull(in, "plugins.config is on the class path");
            config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Pattern line = Pattern.compile("^Plugins>OMERO SDK, \"([^\"]+)\", ([\\w.]+)\\(\"(\\w*)\"\\)$");
        List<String> commands = new ArrayList<>();
        for (String l : config.split("\n")) {
            if (l.isBlank() || l.startsWith("#")) {
                continue;
            }
            Matcher m = line.matcher(l.trim());
            assertTrue(m.matches(), "not a menu command line: " + l);
            Class<?> c = Class.forName(m.group(2));
            assertTrue(PlugIn.class.isAssignableFrom(c), c + " is no PlugIn");
            commands.add(m.group(1));
        }
        assertEquals(List.of("Connect...", "Switch Group...", "Open Image...", "Load ROIs", "Save ROIs...",
                "Save Results...", "Load Results...", "Import Current Image...",
                "OMERO SDK Macro Extensions"), commands);
    }
}
