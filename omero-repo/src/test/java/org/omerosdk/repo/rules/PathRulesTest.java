package org.omerosdk.repo.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.OmeroConfig;

class PathRulesTest {
    private static final PathRules ALL_FOUR = PathRules.of(EnumSet.of(PathRuleSet.WINDOWS_REQUIRED,
            PathRuleSet.WINDOWS_OPTIONAL, PathRuleSet.UNIX_REQUIRED, PathRuleSet.UNIX_OPTIONAL));
    private static final PathRules DEFAULT = PathRules.from(OmeroConfig.defaults());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {"C:|C;", "Foo1.|Foo1._", "nUl.txt|_nUl.txt", "coM5|coM5_", "$bar|_$bar",
        ".<>.|_.[]._", "{Group}GroupData.xml|{Group}GroupData.xml"})
    void allFourSetsTransformAsOmerosTestsSay(String input, String expected) {
        assertEquals(expected, ALL_FOUR.sanitize(input));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {"CON|CON_", "a:b|a;b", "lab?|lab%", "COM0|COM0", "COM10|COM10",
        "LPT9.txt|_LPT9.txt", "clock$|clock$_", "x*y|xxy", "say \"hi\"|say 'hi'", "a\\b|a!b",
        ".hidden|.hidden", "-rf|-rf", "trailing.|trailing."})
    void defaultRulesAreWindowsAndUnixRequired(String input, String expected) {
        assertEquals(expected, DEFAULT.sanitize(input));
    }

    @Test
    void slashAndPipeInsideAComponentBecomeBang() {
        assertEquals("a!b", DEFAULT.sanitize("a/b"));
        assertEquals("a!b", DEFAULT.sanitize("a|b"));
    }

    @Test
    void aReplacementThatFormsADeviceNameIsMadeSafeToo() {
        // OMERO stops at "AUx", which is the device name AUX on Windows
        assertEquals("AUx_", DEFAULT.sanitize("AU*"));
        assertTrue(DEFAULT.isSafe(DEFAULT.sanitize("AU*")));
    }

    @Test
    void controlCharactersBelow0x100BecomeUnderscores() {
        PathRules unixOnly = PathRules.parse("UNIX required");
        assertEquals("a_b_c_d", unixOnly.sanitize("a\u0000b\u007fc\u0085d"));
        assertEquals("tab_", unixOnly.sanitize("tab\t"));
    }

    @Test
    void charactersOutsideTheBmpSurviveAsOneCodePoint() {
        assertEquals("cell\uD83E\uDDA0.tif", DEFAULT.sanitize("cell\uD83E\uDDA0.tif"));
    }

    @Test
    void sanitizingIsIdempotentAndSafeMeansUnchanged() {
        Random random = new Random(42);
        String alphabet = "aZ.-$ :*?<>|\\\"/\u0000\u0001\u007fCONULPTAUX0123456789";
        for (PathRules rules : List.of(DEFAULT, ALL_FOUR, PathRules.parse("UNIX required"),
                PathRules.parse("Windows optional"))) {
            for (int n = 0; n < 20000; n++) {
                StringBuilder b = new StringBuilder();
                int len = 1 + random.nextInt(8);
                for (int i = 0; i < len; i++) {
                    b.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                String once = rules.sanitize(b.toString());
                assertEquals(once, rules.sanitize(once), () -> rules + " on " + b);
                assertEquals(once.equals(b.toString()) && !b.toString().equals(".") && !b.toString().equals(".."),
                        rules.isSafe(b.toString()), () -> rules + " on " + b);
            }
        }
    }

    @Test
    void everyWindowsDeviceNameIsUnsafeInAnyCase() {
        for (String name : List.of("AUX", "CLOCK$", "CON", "NUL", "PRN", "COM1", "COM9", "LPT1", "LPT9")) {
            assertFalse(DEFAULT.isSafe(name));
            assertFalse(DEFAULT.isSafe(name.toLowerCase(java.util.Locale.ROOT)));
            assertFalse(DEFAULT.isSafe(name + ".txt"));
            assertTrue(DEFAULT.isSafe(name + "x"), name + "x");
        }
    }

    @Test
    void localSetsFollowTheOperatingSystem() {
        assertEquals("a;b", PathRules.of(List.of(PathRuleSet.LOCAL_REQUIRED), "Windows 11").sanitize("a:b"));
        assertEquals("a:b", PathRules.of(List.of(PathRuleSet.LOCAL_REQUIRED), "Linux").sanitize("a:b"));
        assertEquals("a;b", PathRules.of(List.of(PathRuleSet.LOCAL_REQUIRED), "Plan 9").sanitize("a:b"));
        assertEquals("_.x", PathRules.of(List.of(PathRuleSet.LOCAL_OPTIONAL), "Mac OS X").sanitize(".x"));
    }

    @Test
    void unknownOrEmptyRuleListsAreRefusedNamingTheProblem() {
        assertTrue(assertThrows(ValidationException.class, () -> PathRules.parse("Windows required, unix required"))
                .getMessage().contains("\"unix required\""));
        assertTrue(assertThrows(ValidationException.class, () -> PathRules.parse(" , "))
                .getMessage().contains("empty"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../etc/passwd", "a/../../b", "a/b/../../..", "/..", "./../x"})
    void pathsClimbingAboveTheirRootAreRefused(String hostile) {
        assertThrows(ValidationException.class, () -> DEFAULT.sanitizePath(hostile));
        assertThrows(ValidationException.class, () -> DEFAULT.checkedPath(hostile));
    }

    @Test
    void hostileClientPathsStayBelowTheDirectoryTheyAreResolvedAgainst() {
        Path root = Path.of("/repo/managed/user_1");
        List<String> hostile = new ArrayList<>(List.of("/etc/passwd", "a/./b/../c", "C:\\Windows\\system32",
                "CON/NUL.txt", "\u0000/\u0001x", "a//b///c", ". /x", "...", "a/.../b", "~/x", "$MFT"));
        for (String h : hostile) {
            Path p = root;
            for (String c : DEFAULT.sanitizePath(h)) {
                assertFalse(c.contains("/") || c.equals("..") || c.equals(".") || c.isEmpty(), h + " gave " + c);
                p = p.resolve(c);
            }
            assertTrue(p.normalize().startsWith(root), h + " escaped to " + p);
        }
        assertEquals(List.of("etc", "passwd"), DEFAULT.sanitizePath("/etc/passwd"));
        assertEquals(List.of("CON_", "_NUL.txt"), DEFAULT.sanitizePath("CON/NUL.txt"));
        assertEquals(List.of("C;!Windows!system32"), DEFAULT.sanitizePath("C:\\Windows\\system32"));
    }

    @Test
    void veryLongComponentsAreRefusedNotTruncated() {
        String longName = "x".repeat(300);
        ValidationException e = assertThrows(ValidationException.class, () -> DEFAULT.sanitizePath("a/" + longName));
        assertTrue(e.getMessage().contains("300 bytes"), e.getMessage());
        assertEquals(List.of("a", "y".repeat(255)), DEFAULT.sanitizePath("a/" + "y".repeat(255)));
    }

    @Test
    void directCallsRejectExactlyWhatSanitizingWouldChange() {
        assertEquals(List.of("user_1", "2026-11", "x.tif"), DEFAULT.checkedPath("user_1/2026-11/x.tif"));
        ValidationException e = assertThrows(ValidationException.class, () -> DEFAULT.checkedPath("user_1/a:b"));
        assertTrue(e.getMessage().contains("\"a:b\"") && e.getMessage().contains("a;b"), e.getMessage());
        assertThrows(ValidationException.class, () -> DEFAULT.checkedPath("user_1/CON"));
        assertThrows(ValidationException.class, () -> DEFAULT.checkedPath("user_1/bell\u0007"));
    }

    @Test
    void messagesShowControlCharactersVisibly() {
        ValidationException e = assertThrows(ValidationException.class, () -> DEFAULT.checkedPath("x\u0000y"));
        assertTrue(e.getMessage().contains("x\\u0000y"), e.getMessage());
    }
}
