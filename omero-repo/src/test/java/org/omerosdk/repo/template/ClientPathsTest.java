package org.omerosdk.repo.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.repo.rules.PathRules;

/** The layouts of OMERO's own run table (semantics: repo-paths.md section 3). */
class ClientPathsTest {
    private static final PathRules RULES = PathRules.from(OmeroConfig.defaults());
    private static final List<List<String>> TWO = List.of(split("data/exp/a/1.tif"), split("data/exp/b/2.tif"));

    private static List<String> split(String p) {
        return Arrays.asList(p.split("/"));
    }

    private static String show(ClientPaths.Layout l) {
        return String.join("/", l.commonRoot()) + " | "
                + String.join(", ", l.usedFiles().stream().map(f -> String.join("/", f)).toList());
    }

    @Test
    void readerNeedingNoDirectoryPutsFilesStraightIntoTheTemplateDirectory() {
        assertEquals(" | my-file.dv", show(ClientPaths.layout(List.of(split("home/demo/my-file.dv")),
                OptionalInt.of(0), RULES)));
        assertEquals(" | a/1.tif, b/2.tif", show(ClientPaths.layout(TWO, OptionalInt.of(0), RULES)));
    }

    @Test
    void readerNeedingDirectoriesKeepsThatManyOfTheCommonRoot() {
        assertEquals("exp | a/1.tif, b/2.tif", show(ClientPaths.layout(TWO, OptionalInt.of(1), RULES)));
        assertEquals("data/exp | a/1.tif, b/2.tif", show(ClientPaths.layout(TWO, OptionalInt.of(5), RULES)));
    }

    @Test
    void withoutAReaderThreeParentsOfTheShortestPathAreKept() {
        assertEquals("home/demo | my-file.dv", show(ClientPaths.layout(List.of(split("home/demo/my-file.dv")),
                OptionalInt.empty(), RULES)));
        assertEquals("b/c/d | img.tif", show(ClientPaths.layout(List.of(split("home/bob/a/b/c/d/img.tif")),
                OptionalInt.empty(), RULES)));
        assertEquals(" | home/bob/1.jpg, data/alice/1.jpg", show(ClientPaths.layout(
                List.of(split("home/bob/1.jpg"), split("data/alice/1.jpg")), OptionalInt.empty(), RULES)));
    }

    @Test
    void pathsDivergingNearTheTopDoNotFail() {
        // OMERO throws IllegalArgumentException here
        assertEquals(" | x/a/b/c/1.tif, z/a/b/c/2.tif", show(ClientPaths.layout(
                List.of(split("x/a/b/c/1.tif"), split("z/a/b/c/2.tif")), OptionalInt.empty(), RULES)));
    }

    @Test
    void keptComponentsAreSanitisedWithTheRepositoryRules() {
        PathRules allFour = PathRules.parse("Windows required, Windows optional, UNIX required, UNIX optional");
        assertEquals(" | _.hidden/a.tif, b/trailing._/c.tif", show(ClientPaths.layout(
                List.of(split("home/bob/exp/.hidden/a.tif"), split("home/bob/exp/b/trailing./c.tif")),
                OptionalInt.of(0), allFour)));
    }

    @Test
    void commonRootNeverIncludesAFileName() {
        assertEquals(List.of("bob", "files", "dv"), ClientPaths.commonRoot(
                List.of(split("bob/files/dv/file1.dv"), split("bob/files/dv/file2.dv"))));
        assertEquals(List.of("a"), ClientPaths.commonRoot(List.of(split("a/b"), split("a/b/c"))));
    }
}
