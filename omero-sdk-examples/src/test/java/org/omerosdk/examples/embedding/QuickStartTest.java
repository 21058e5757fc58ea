package org.omerosdk.examples.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickStartTest {
    @Test
    void readmeExampleListsTheNewProjectWithItsDataset(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        QuickStart.run(dir, new PrintWriter(out, true));
        assertEquals("Engines [difference engine]", out.toString().strip());
    }
}
