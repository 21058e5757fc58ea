package org.omerosdk.permissions.ldap;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.OmeroConfig;

class DirectoryTest {
    @Test
    void withoutTheLdapModuleOpeningADirectoryNamesTheArtifactToAdd() {
        LdapSettings settings = LdapSettings.from(OmeroConfig.defaults().with("omero.ldap.config", "true"));
        ValidationException e = assertThrows(ValidationException.class, () -> Directory.open(settings, Map.of()));
        assertTrue(e.getMessage().contains("org.omerosdk:omero-ldap"), e.getMessage());
        assertTrue(e.getMessage().contains("omero.ldap.config"), e.getMessage());
    }
}
