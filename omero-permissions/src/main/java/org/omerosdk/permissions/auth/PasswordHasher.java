package org.omerosdk.permissions.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.omerosdk.model.ValidationException;

/**
 * Salted PBKDF2 password hashes. The encoded form {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} (Base64 salt and hash)
 * carries its own cost, so hashes made with an older iteration count keep verifying after the default changes.
 * Verification compares in constant time. Thread-safe and stateless apart from its random source.
 */
public final class PasswordHasher {
    private static final String SCHEME = "pbkdf2-sha256";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final int iterations;
    private final SecureRandom random;
    private final java.util.concurrent.atomic.AtomicLong derivations = new java.util.concurrent.atomic.AtomicLong();

    private PasswordHasher(int iterations, SecureRandom random) {
        this.iterations = iterations;
        this.random = random;
    }

    /** A hasher at {@link #DEFAULT_ITERATIONS}. */
    public static PasswordHasher standard() {
        return new PasswordHasher(DEFAULT_ITERATIONS, new SecureRandom());
    }

    /**
     * A hasher at a chosen cost, e.g. lower for tests.
     *
     * @throws ValidationException when {@code iterations} is below 1000
     */
    public static PasswordHasher withIterations(int iterations) {
        if (iterations < 1000) {
            throw new ValidationException("PBKDF2 iterations " + iterations + " are too few: at least 1000");
        }
        return new PasswordHasher(iterations, new SecureRandom());
    }

    /** Hashes {@code password} with a fresh random salt. The caller may clear the array afterwards. */
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /**
     * Whether {@code password} matches {@code encoded}; false (never an exception) for a malformed encoding, so a
     * corrupt row cannot be told apart from a wrong password by a caller.
     */
    public boolean verify(char[] password, String encoded) {
        String[] parts = encoded == null ? new String[0] : encoded.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return false;
        }
        try {
            int n = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            if (n < 1 || salt.length == 0 || expected.length == 0) {
                return false;
            }
            byte[] actual = derive(password, salt, n);
            return MessageDigest.isEqual(actual, expected);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Does the work of one verification without a stored hash to compare with (a derivation at this hasher's
     * cost), so that a login refused before any hash was checked — unknown user, no password — takes as long as a
     * wrong password.
     */
    public void spendVerification(char[] password) {
        derive(password, new byte[SALT_BYTES], iterations);
    }

    /** How many PBKDF2 derivations this hasher has computed (hashes, verifications, spent verifications). */
    public long derivations() {
        return derivations.get();
    }

    /** A random password of {@code length} characters from an unambiguous alphabet (for generated root passwords). */
    public char[] randomPassword(int length) {
        char[] alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return out;
    }

    private byte[] derive(char[] password, byte[] salt, int iterations) {
        derivations.incrementAndGet();
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is missing from this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public String toString() {
        return SCHEME + " x" + iterations;
    }
}
