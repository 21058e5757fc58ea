package org.omerosdk.repo;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigValidation;

class RepositoryConfigValidatorTest {
    private final ConfigValidation validation = ConfigValidation.withServiceLoader();

    @Test
    void repositoryKeysAreCheckedWhenSetThroughTheServiceLoader() {
        validation.validate("omero.fs.repo.path", "%user%_%userId%//%year%/%increment:3%");
        validation.validate("omero.fs.repo.path_rules", "Windows required, UNIX optional");
        validation.validate("omero.checksum.supported", "MD5-128, SHA1-160");
        assertTrue(assertThrows(ValidationException.class,
                () -> validation.validate("omero.fs.repo.path", "%user%//")).getMessage()
                .contains("no user-owned directory"));
        assertTrue(assertThrows(ValidationException.class,
                () -> validation.validate("omero.fs.repo.path", "//%usr%/%time%")).getMessage().contains("%usr%"));
        assertTrue(assertThrows(ValidationException.class,
                () -> validation.validate("omero.fs.repo.path_rules", "Mac required")).getMessage()
                .contains("Mac required"));
        assertTrue(assertThrows(ValidationException.class,
                () -> validation.validate("omero.checksum.supported", "SHA-256")).getMessage().contains("SHA-256"));
    }
}
