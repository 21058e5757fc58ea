package org.omerosdk.repo.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.model.store.MemoryBinaryStore;
import org.omerosdk.repo.rules.PathRules;

class PathTemplateTest {
    private static final ZonedDateTime WHEN = ZonedDateTime.of(2014, 8, 4, 13, 49, 7, 727_000_000, ZoneOffset.UTC);
    private static final PathRules RULES = PathRules.from(OmeroConfig.defaults());

    private final MemoryBinaryStore store = new MemoryBinaryStore();
    private final StoreDirectories dirs = new StoreDirectories(store);

    private static TemplateContext ctx(String user, List<String> clientPaths) {
        return new TemplateContext(user, 2, "lab", 3, Permissions.READ_ANNOTATE, "a1b2-c3", 44, Optional.empty(),
                WHEN, "import-1", clientPaths);
    }

    private static TemplateContext alice() {
        return ctx("alice", List.of("home/bob/data/img.tif"));
    }

    private String expand(String template, TemplateContext ctx) {
        return PathTemplate.parse(template).expand(ctx, RULES, dirs).path();
    }

    @Test
    void defaultTemplateGivesOmerosLayout() {
        PathTemplate t = PathTemplate.from(OmeroConfig.defaults());
        TemplatePath p = t.expand(alice(), RULES, dirs);
        assertEquals("alice_2/2014-08/04/13-49-07.727", p.path());
        assertEquals(List.of("alice_2"), p.rootOwned());
        assertEquals(List.of("2014-08", "04", "13-49-07.727"), p.userOwned());
    }

    @Test
    void rootOwnedDirectoriesBelongToRootAndUserOwnedToTheUser() {
        expand("%user%_%userId%//%year%/%time%", alice());
        assertEquals(Optional.of(0L), dirs.owner(List.of("alice_2")));
        assertEquals(Optional.of(2L), dirs.owner(List.of("alice_2", "2014")));
        assertEquals(Optional.of(2L), dirs.owner(List.of("alice_2", "2014", "13-49-07.727")));
    }

    @Test
    void everyPlainTermHasOmerosFormat() {
        assertEquals("alice/2/lab/3/2014/08/August/04/a1b2-c3/44/rwra--/import-1/13-49-07.727",
                expand("//%user%/%userId%/%group%/%groupId%/%year%/%month%/%monthname%/%day%/%session%/"
                        + "%sessionId%/%perms%/%thread%/%time%", alice()).replace("/" + java.time.Month.AUGUST
                        .getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.getDefault()) + "/",
                        "/August/"));
    }

    @Test
    void onlyTheFirstLetterOfATermIsCaseInsensitive() {
        assertEquals("alice/2/13-49-07.727", expand("%User%//%UserId%/%time%", alice()));
        ValidationException e = assertThrows(ValidationException.class, () -> PathTemplate.parse("%USER%//%time%"));
        assertTrue(e.getMessage().contains("%USER%"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"%user%//", "//", "", "/", "a//"})
    void aTemplateWithoutUserOwnedDirectoryIsRefusedWhenConfigured(String template) {
        ValidationException e = assertThrows(ValidationException.class, () -> PathTemplate.parse(template));
        assertTrue(e.getMessage().contains("no user-owned directory"), e.getMessage());
    }

    @Test
    void badTermsAndParametersAreRefusedWhenConfiguredNamingThem() {
        assertMessage("%foo%//%time%", "%foo%");
        assertMessage("%time%//%user%", "%time% before \"//\"");
        assertMessage("%hash%//%user%", "%hash% before \"//\"");
        assertMessage("%increment%//%user%", "%increment% before");
        assertMessage("//%time%-%increment%", "two of %time%, %increment%, %subdirs%");
        assertMessage("//%hash:5,4%", "%hash:5,4%");
        assertMessage("//%hash:0%", "%hash:0%");
        assertMessage("//%hash:x%", "%hash:x%");
        assertMessage("//%subdirs:0%/%time%", "%subdirs:0%");
        assertMessage("//%increment:x%", "%increment:x%");
    }

    private static void assertMessage(String template, String expected) {
        ValidationException e = assertThrows(ValidationException.class, () -> PathTemplate.parse(template));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void percentSignsThatFormNoTermStayLiteral() {
        assertEquals("%%-lab/x", expand("//%%-%group%/x", alice()));
    }

    @Test
    void userAndGroupNamesAreSanitisedWithTheRepositoryRules() {
        assertEquals("CON_/a;b/x", expand("//%user%/%group%/x", new TemplateContext("CON", 1, "a:b", 2,
                Permissions.PRIVATE, "s", 1, Optional.empty(), WHEN, "t", List.of("f"))));
    }

    @Test
    void valuesAreNotScannedForTermsAgain() {
        // OMERO expands a user named %year% to the year; a value is a value here
        assertEquals("%year%/x", expand("//%user%/x", ctx("%year%", List.of("f"))));
        assertEquals("a%year%/x", expand("//%user%/x", ctx("a?year?", List.of("f"))));
    }

    @Test
    void illegalLiteralTextIsRefusedAtImportNamingTheComponent() {
        PathTemplate t = PathTemplate.parse("data:%user%//%time%");
        ValidationException e = assertThrows(ValidationException.class, () -> t.expand(alice(), RULES, dirs));
        assertTrue(e.getMessage().contains("data:alice"), e.getMessage());
    }

    @Test
    void hashFollowsOmerosFormula() {
        assertEquals("7B25A00A", PathTemplate.hash(List.of("home/bob/data/img.tif")));
        assertEquals("97C28D5E", PathTemplate.hash(List.of("home/demo/my-file.dv")));
        assertEquals("BBDE3D23", PathTemplate.hash(List.of("data/exp/b/2.tif", "data/exp/a/1.tif")));
    }

    @Test
    void hashDigitsSplitIntoNestedDirectoriesWithTheTextOnTheFirst() {
        assertEquals("hash-7B2/5A0/0A/13-49-07.727", expand("//hash-%hash:3,3,2%/%time%", alice()));
        assertEquals("7B/7B/13-49-07.727", expand("//%hash:2%/%hash:2%/%time%", alice()));
    }

    @Test
    void blankInstitutionRemovesItsComponentUnlessADefaultIsGiven() {
        assertEquals("alice/13-49-07.727", expand("//%user%/inst-%institution%/%time%", alice()));
        assertEquals("alice/State College/13-49-07.727",
                expand("//%user%/%institution:State College%/%time%", alice()));
        TemplateContext withInst = new TemplateContext("bob", 5, "lab", 3, Permissions.PRIVATE, "s", 1,
                Optional.of("Dundee: Life Sciences"), WHEN, "t", List.of("f"));
        assertEquals("bob/Dundee; Life Sciences/13-49-07.727", expand("//%user%/%institution%/%time%", withInst));
    }

    @Test
    void timeCollisionsTakeTheNextMillisecondCarryingIntoTheSeconds() {
        ZonedDateTime late = WHEN.withNano(999_000_000);
        TemplateContext c = new TemplateContext("alice", 2, "lab", 3, Permissions.PRIVATE, "s", 1, Optional.empty(),
                late, "t", List.of("f"));
        assertEquals("alice/13-49-07.999", expand("//%user%/%time%", c));
        assertEquals("alice/13-49-08.000", expand("//%user%/%time%", c));
        assertEquals("alice/13-49-08.001", expand("//%user%/%time%", c));
    }

    @Test
    void incrementTakesTheSmallestFreeNumberWithPadding() {
        for (int i = 1; i <= 24; i++) {
            dirs.createWithParents(List.of("alice", "inc-" + i), 2);
        }
        assertEquals("alice/inc-25", expand("//%user%/inc-%increment%", alice()));
        assertEquals("bob/001", expand("//bob/%increment:3%", alice()));
        assertEquals("bob/002", expand("//bob/%increment:3%", alice()));
    }

    @Test
    void incrementFillsAGapAsOmerosSearchDoes() {
        dirs.createWithParents(List.of("g", "1"), 2);
        dirs.createWithParents(List.of("g", "3"), 2);
        assertEquals("g/2", expand("//g/%increment%", alice()));
    }

    @Test
    void subdirsIsEmptyBelowTheThresholdAndSplitsAboveIt() {
        assertEquals("alice/2014/13-49-07.727", expand("//%user%/%year%/%subdirs%/%time%", alice()));
        for (int i = 0; i < 9; i++) {
            dirs.createWithParents(List.of("s", "d" + i), 2);
        }
        assertEquals("s/13-49-07.727", expand("//s/%subdirs:1%/%time%", alice()));
        assertEquals("s/x0y/13-49-07.727", expand("//s/x%subdirs:1%y/%time%", alice()));
    }

    @Test
    void aTemplateEndingInAFixedNameFailsOnTheSecondImport() {
        assertEquals("alice/2014", expand("%user%//%year%", alice()));
        ValidationException e = assertThrows(ValidationException.class, () -> expand("%user%//%year%", alice()));
        assertTrue(e.getMessage().contains("alice/2014 exists"), e.getMessage());
    }

    @Test
    void concurrentImportsNeverShareADirectory() throws Exception {
        PathTemplate t = PathTemplate.from(OmeroConfig.defaults());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Set<String> paths = ConcurrentHashMap.newKeySet();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                futures.add(pool.submit(() -> paths.add(t.expand(alice(), RULES, dirs).path())));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(64, paths.size());
        assertEquals(64, new HashSet<>(paths).size());
    }

    @Test
    void expandedUserPartMustNotBeEmpty() {
        PathTemplate t = PathTemplate.parse("x//%institution%");
        ValidationException e = assertThrows(ValidationException.class, () -> t.expand(alice(), RULES, dirs));
        assertTrue(e.getMessage().contains("no user-owned directory"), e.getMessage());
    }
}
