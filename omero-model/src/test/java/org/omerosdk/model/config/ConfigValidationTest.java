package org.omerosdk.model.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.omerosdk.model.ValidationException;

class ConfigValidationTest {
    private final ConfigValidation validation = ConfigValidation.of(List.of());

    private String refusal(String key, String value) {
        return assertThrows(ValidationException.class, () -> validation.validate(key, value)).getMessage();
    }

    @Test
    void refusedNumberNamesKeyValueAndWhatIsAccepted() {
        String msg = refusal("omero.db.poolsize", "ten");
        assertTrue(msg.contains("omero.db.poolsize") && msg.contains("\"ten\"") && msg.contains("whole number"), msg);
    }

    @Test
    void intKeyRefusesValuesBeyondInt() {
        refusal("omero.pixeldata.tile_width", "3000000000");
        assertDoesNotThrow(() -> validation.validate("omero.sessions.timeout", "3000000000"));
    }

    @Test
    void booleansAcceptAnyCaseOfTrueAndFalse() {
        assertDoesNotThrow(() -> validation.validate("omero.web.debug", "True"));
        assertTrue(refusal("omero.web.debug", "yes").contains("true or false"));
    }

    @Test
    void listsRefuseEmptyItems() {
        assertDoesNotThrow(() -> validation.validate("omero.client.icetransports", "ssl,tcp"));
        refusal("omero.client.icetransports", "ssl,,tcp");
        refusal("omero.client.icetransports", "ssl,");
    }

    @Test
    void jsonListKeysAcceptJsonListsOnly() {
        assertDoesNotThrow(() -> validation.validate("omero.web.apps", "[\"foo\", \"bar\"]"));
        assertTrue(refusal("omero.web.apps", "{\"a\": 1}").contains("JSON list"));
        refusal("omero.web.apps", "[\"foo\", \"bar\"");
        refusal("omero.web.apps", "['foo']");
    }

    @Test
    void jsonObjectKeysAcceptJsonObjectsOnly() {
        assertDoesNotThrow(() -> validation.validate("omero.web.sharing.twitter", "{\"omero\": \"@openmicroscopy\"}"));
        refusal("omero.web.sharing.twitter", "[]");
    }

    @Test
    void jsonSyntaxFollowsTheRfc() {
        for (String ok : List.of("[]", "{}", "[1, -2.5e3, true, null, \"a\\u00e9\\n\"]", " {\"a\": [{}]} ")) {
            assertDoesNotThrow(() -> JsonSyntax.check(ok), ok);
        }
        for (String bad : List.of("", "[1,]", "{\"a\" 1}", "[01]", "[\"\\x\"]", "[1] [2]", "{'a': 1}", "[1.]")) {
            assertThrows(IllegalArgumentException.class, () -> JsonSyntax.check(bad), bad);
        }
    }

    @Test
    void emptyValueIsAcceptedOnlyWhereTheDefaultIsEmpty() {
        assertDoesNotThrow(() -> validation.validate("omero.db.host", ""));
        refusal("omero.db.port", "");
    }

    @Test
    void unknownKeysAreAcceptedButIllegalNamesAreNot() {
        assertDoesNotThrow(() -> validation.validate("omero.custom.thing", "anything"));
        assertTrue(!ConfigValidation.isKnown("omero.custom.thing"));
        assertTrue(refusal("omero.bad key", "x").contains("illegal property name"));
    }

    @Test
    void pluggedValidatorsRunForTheirKeysOnly() {
        ConfigValidator noPercent = new ConfigValidator() {
            @Override
            public Set<String> keys() {
                return Set.of("omero.fs.repo.path");
            }

            @Override
            public void validate(String key, String value) {
                if (value.contains("%bogus%")) {
                    throw new ValidationException(key + " = \"" + value + "\" has an unknown element %bogus%");
                }
            }
        };
        ConfigValidation v = ConfigValidation.of(List.of(noPercent));
        assertThrows(ValidationException.class, () -> v.validate("omero.fs.repo.path", "%bogus%//x"));
        assertDoesNotThrow(() -> v.validate("omero.db.name", "%bogus%"));
    }

    @Test
    void serviceLoaderWithoutProvidersChecksKindsOnly() {
        assertEquals("omero.db.port = \"x\" refused; accepted: a whole number from -2147483648 to 2147483647",
                assertThrows(ValidationException.class,
                        () -> ConfigValidation.withServiceLoader().validate("omero.db.port", "x")).getMessage());
    }
}
