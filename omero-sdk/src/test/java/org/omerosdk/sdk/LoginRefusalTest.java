package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.AuthenticationException;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.meta.ExperimenterGroup;

/**
 * Refused logins cost the same hashing work whatever the reason, so their timing does not tell which users exist
 * (counted in derivations, not timed); repeated failures are throttled per user name and per client address when
 * {@code omero.security.login_failure_throttle_time} is set, and not at all by default.
 */
class LoginRefusalTest {
    @TempDir
    Path dir;

    private OmeroSdk open(String throttleTime, String throttleCount) {
        OmeroSdk sdk = OmeroSdk.builder().dataDirectory(dir.resolve("data" + throttleTime + throttleCount))
                .passwordHashIterations(1000).set(ConfigKeys.SECURITY_LOGIN_FAILURE_THROTTLE_TIME, throttleTime)
                .set(ConfigKeys.SECURITY_LOGIN_FAILURE_THROTTLE_COUNT, throttleCount).open();
        Session root = sdk.rootSession();
        ExperimenterGroup lab = root.admin().createGroup("lab", Permissions.Level.READ_ONLY);
        root.admin().setPassword(root.admin().createUser("ada", "Ada", "L", lab), "secret".toCharArray());
        root.admin().createUser("nopassword", "No", "Password", lab);
        return sdk;
    }

    private static boolean refused(OmeroSdk sdk, String user, String password) {
        try (Session s = sdk.login(user, password.toCharArray())) {
            return false;
        } catch (AuthenticationException e) {
            return true;
        }
    }

    @Test
    void everyRefusalSpendsExactlyOnePasswordDerivationLikeASuccess() {
        try (OmeroSdk sdk = open("0", "1")) {
            Map<String, String[]> attempts = new LinkedHashMap<>();
            attempts.put("right password", new String[] {"ada", "secret"});
            attempts.put("wrong password", new String[] {"ada", "wrong"});
            attempts.put("unknown user", new String[] {"nobody", "wrong"});
            attempts.put("user without a password", new String[] {"nopassword", "wrong"});
            attempts.put("the guest user, who has none", new String[] {"guest", "guest"});
            attempts.put("blank user name", new String[] {" ", "wrong"});
            attempts.put("empty password", new String[] {"ada", ""});
            List<String> derivations = new ArrayList<>();
            for (Map.Entry<String, String[]> a : attempts.entrySet()) {
                long before = sdk.hasher().derivations();
                boolean refused = refused(sdk, a.getValue()[0], a.getValue()[1]);
                derivations.add(a.getKey() + (refused ? " refused" : " accepted") + " after "
                        + (sdk.hasher().derivations() - before));
            }
            assertEquals(List.of("right password accepted after 1", "wrong password refused after 1",
                    "unknown user refused after 1", "user without a password refused after 1",
                    "the guest user, who has none refused after 1", "blank user name refused after 1",
                    "empty password refused after 1"), derivations);
        }
    }

    @Test
    void throttlingIsOffByDefault() {
        assertEquals("0", ConfigKeys.SECURITY_LOGIN_FAILURE_THROTTLE_TIME.defaultValue());
        assertEquals("1", ConfigKeys.SECURITY_LOGIN_FAILURE_THROTTLE_COUNT.defaultValue());
        try (OmeroSdk sdk = open("0", "1")) {
            List<Long> pauses = new ArrayList<>();
            sdk.authenticator().throttle().pauseWith(pauses::add);
            for (int i = 0; i < 10; i++) {
                assertThrows(AuthenticationException.class, () -> sdk.login("ada", "wrong".toCharArray(),
                        "10.0.0.1"));
            }
            assertEquals(List.of(), pauses);
        }
    }

    @Test
    void repeatedFailuresOfOneUserAreDelayedKnownOrNotAndASuccessResetsThem() {
        try (OmeroSdk sdk = open("3000", "2")) {
            List<String> pauses = new ArrayList<>();
            String[] current = {""};
            sdk.authenticator().throttle().pauseWith(ms -> pauses.add(current[0] + " " + ms));
            for (String user : List.of("ada", "nobody")) {
                for (int i = 1; i <= 4; i++) {
                    current[0] = user + " #" + i;
                    assertThrows(AuthenticationException.class, () -> sdk.login(user, "wrong".toCharArray()));
                }
            }
            // the third failure in a row and every one after it waits; an unknown name exactly like a known one
            assertEquals(List.of("ada #3 3000", "ada #4 3000", "nobody #3 3000", "nobody #4 3000"), pauses);
            // the right password still logs in (no lock-out), and resets ada's count
            sdk.login("ada", "secret".toCharArray()).close();
            pauses.clear();
            current[0] = "ada after success";
            assertThrows(AuthenticationException.class, () -> sdk.login("ada", "wrong".toCharArray()));
            assertEquals(List.of(), pauses);
        }
    }

    @Test
    void repeatedFailuresFromOneAddressAreDelayedAcrossUserNames() {
        try (OmeroSdk sdk = open("500", "2")) {
            List<String> pauses = new ArrayList<>();
            sdk.authenticator().throttle().pauseWith(ms -> pauses.add("paused " + ms));
            for (String user : List.of("u1", "u2", "u3", "u4")) {
                assertThrows(AuthenticationException.class, () -> sdk.login(user, "wrong".toCharArray(),
                        "192.0.2.7"));
            }
            assertEquals(List.of("paused 500", "paused 500"), pauses);
            // another address, a fresh name: not delayed
            pauses.clear();
            assertThrows(AuthenticationException.class, () -> sdk.login("u5", "wrong".toCharArray(),
                    "192.0.2.8"));
            assertEquals(List.of(), pauses);
        }
    }
}
