package org.omerosdk.permissions.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.omerosdk.model.ValidationException;

class PasswordHasherTest {
    private final PasswordHasher hasher = PasswordHasher.withIterations(1000);

    @Test
    void rightPasswordVerifies() {
        assertTrue(hasher.verify("s3cret".toCharArray(), hasher.hash("s3cret".toCharArray())));
    }

    @Test
    void wrongPasswordDoesNotVerify() {
        assertFalse(hasher.verify("s3creT".toCharArray(), hasher.hash("s3cret".toCharArray())));
    }

    @Test
    void samePasswordGetsDifferentSalts() {
        assertNotEquals(hasher.hash("a".toCharArray()), hasher.hash("a".toCharArray()));
    }

    @Test
    void hashCarriesItsIterationCount() {
        String h = PasswordHasher.withIterations(2000).hash("x".toCharArray());
        assertTrue(h.startsWith("pbkdf2-sha256$2000$"));
        assertTrue(hasher.verify("x".toCharArray(), h));
    }

    @Test
    void malformedHashesNeverVerify() {
        for (String bad : new String[] {"", "plain", "pbkdf2-sha256$x$y$z", "md5$1000$AAAA$AAAA",
                "pbkdf2-sha256$1000$$"}) {
            assertFalse(hasher.verify("x".toCharArray(), bad), bad);
        }
    }

    @Test
    void tooFewIterationsAreRefused() {
        assertThrows(ValidationException.class, () -> PasswordHasher.withIterations(10));
    }

    @Test
    void randomPasswordsHaveTheAskedLength() {
        assertTrue(hasher.randomPassword(20).length == 20);
    }
}
