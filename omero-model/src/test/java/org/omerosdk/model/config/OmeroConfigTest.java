package org.omerosdk.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.omerosdk.model.ValidationException;

class OmeroConfigTest {
    @Test
    void defaultReferencesResolveAgainstTheConfig() {
        OmeroConfig c = OmeroConfig.of(Map.of("omero.data.dir", "/srv/omero"));
        assertEquals("/srv/omero/ManagedRepository", c.get(ConfigKeys.MANAGED_DIR));
    }

    @Test
    void defaultReferencesResolveAgainstDefaults() {
        assertEquals("/OMERO//ManagedRepository", OmeroConfig.defaults().get(ConfigKeys.MANAGED_DIR));
    }

    @Test
    void explicitValuesResolveReferencesToo() {
        OmeroConfig c = OmeroConfig.of(Map.of("omero.query.timeout", "42"));
        assertEquals(42, c.getLong(ConfigKeys.QUERY_TIMEOUT_ADMIN));
    }

    @Test
    void referenceToAnUnknownUnsetKeyStaysAsWritten() {
        OmeroConfig c = OmeroConfig.of(Map.of("my.key", "a-${nobody.knows}-b"));
        assertEquals("a-${nobody.knows}-b", c.get("my.key").orElseThrow());
    }

    @Test
    void cyclicReferencesFailWithTheKeyName() {
        OmeroConfig c = OmeroConfig.of(Map.of("a.x", "${a.y}", "a.y", "${a.x}"));
        ValidationException e = assertThrows(ValidationException.class, () -> c.get("a.x"));
        assertTrue(e.getMessage().contains("a."), e.getMessage());
    }

    @Test
    void withoutReturnsTheKeyToItsDefault() {
        OmeroConfig c = OmeroConfig.defaults().with(ConfigKeys.DB_PORT, "1").without("omero.db.port");
        assertEquals(5432, c.getInt(ConfigKeys.DB_PORT));
        assertEquals(OmeroConfig.defaults(), c);
    }
}
