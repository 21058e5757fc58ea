package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.AuthenticationException;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.permissions.auth.PasswordProvider;

/**
 * The password-provider chain: the internal table, host identity providers and LDAP (UnboundID's in-memory server
 * on loopback), omero.security.password_required and ignore_case, and that every refusal looks the same.
 */
class AuthenticationTest {
    private static final String ADA = TestDirectory.dn("ada");

    @TempDir
    Path dir;
    private TestDirectory directory;
    private InMemoryDirectoryServer ldap;

    @BeforeEach
    void startDirectory() throws Exception {
        directory = TestDirectory.start();
        ldap = directory.server;
        directory.addPerson("ada", "engine-1843", "givenName: Ada", "sn: Lovelace", "mail: ada@example.org",
                "labName: engines");
        directory.addPerson("local", "directory-pw", "sn: Twin");
    }

    @AfterEach
    void stopDirectory() {
        directory.close();
    }

    private OmeroSdk.Builder builder() {
        return OmeroSdk.builder().dataDirectory(dir).passwordHashIterations(1000).rootPassword("root".toCharArray());
    }

    private OmeroSdk.Builder withLdap(OmeroSdk.Builder b) {
        return directory.configure(b);
    }

    private static Experimenter user(OmeroSdk sdk, String name, String password) {
        Session root = sdk.rootSession();
        ExperimenterGroup lab = root.admin().findGroup("lab")
                .orElseGet(() -> root.admin().createGroup("lab", Permissions.Level.READ_ONLY));
        Experimenter e = root.admin().createUser(name, "F", "L", lab);
        if (password != null) {
            root.admin().setPassword(e, password.toCharArray());
        }
        return e;
    }

    private static String refusal(OmeroSdk sdk, String name, String password) {
        return assertThrows(AuthenticationException.class, () -> sdk.login(name, password.toCharArray()))
                .getMessage().replace(name, "NAME");
    }

    @Test
    void unknownUsersWrongPasswordsAndUsersWithoutPasswordAreRefusedAlike() {
        try (OmeroSdk sdk = builder().open()) {
            user(sdk, "alice", "right");
            user(sdk, "nopass", null);
            assertEquals("alice", sdk.login("alice", "right".toCharArray()).user().omeName());
            String wrong = refusal(sdk, "alice", "wrong");
            assertEquals(wrong, refusal(sdk, "nobody", "right"));
            assertEquals(wrong, refusal(sdk, "nopass", "anything"));
            assertEquals(wrong, refusal(sdk, "alice", ""));
            assertFalse(wrong.contains("right"), wrong);
        }
    }

    @Test
    void emptyPasswordsAreRefusedWhilePasswordsAreRequired() {
        try (OmeroSdk sdk = builder().open()) {
            Experimenter e = user(sdk, "alice", null);
            ValidationException v = assertThrows(ValidationException.class,
                    () -> sdk.rootSession().admin().setPassword(e, new char[0]));
            assertTrue(v.getMessage().contains("omero.security.password_required"), v.getMessage());
        }
    }

    @Test
    void withoutRequiredPasswordsAnEmptyPasswordLogsInWithAnEmptyPasswordOnly() {
        try (OmeroSdk sdk = builder().set(ConfigKeys.SECURITY_PASSWORD_REQUIRED, "false").open()) {
            Experimenter e = user(sdk, "kiosk", null);
            sdk.rootSession().admin().setPassword(e, new char[0]);
            assertEquals("kiosk", sdk.login("kiosk", new char[0]).user().omeName());
            refusal(sdk, "kiosk", "guess");
        }
    }

    @Test
    void ignoreCaseMatchesLoginNamesWithoutRegardToCase() {
        try (OmeroSdk sdk = builder().open()) {
            user(sdk, "alice", "pw");
            refusal(sdk, "ALICE", "pw");
        }
        try (OmeroSdk sdk = builder().set(ConfigKeys.SECURITY_IGNORE_CASE, "true").open()) {
            assertEquals("alice", sdk.login("ALICE", "pw".toCharArray()).user().omeName());
            assertEquals("alice", sdk.login("Alice", "pw".toCharArray()).user().omeName());
        }
    }

    @Test
    void anUnknownProviderNameIsAConfigurationErrorNamingIt() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> builder().set(ConfigKeys.SECURITY_PASSWORD_PROVIDER, "kerberosPasswordProvider").open());
        assertTrue(e.getMessage().contains("kerberosPasswordProvider"), e.getMessage());
        assertTrue(e.getMessage().contains("omero.security.password_provider"), e.getMessage());
    }

    /** A host provider that knows one token per user. */
    private static PasswordProvider sso(AtomicInteger calls) {
        return new PasswordProvider() {
            @Override
            public String name() {
                return "campus-sso";
            }

            @Override
            public Verdict check(String login, char[] secret) {
                calls.incrementAndGet();
                String s = new String(secret);
                if (s.equals("token-" + login)) {
                    return Verdict.accept(new Identity(login, "Grace", "Hopper", "grace@example.org",
                            List.of("navy", "compilers")));
                }
                return s.startsWith("token-") ? Verdict.REFUSE : Verdict.ABSTAIN;
            }
        };
    }

    @Test
    void aHostProviderCreatesItsUsersOnFirstLoginAndIsAskedFirst() {
        AtomicInteger calls = new AtomicInteger();
        try (OmeroSdk sdk = builder().passwordProvider(sso(calls)).open()) {
            Session grace = sdk.login("grace", "token-grace".toCharArray());
            assertEquals("Grace", grace.user().firstName());
            assertEquals("grace@example.org", grace.user().email().orElseThrow());
            assertEquals(List.of("navy", "compilers", "user"),
                    sdk.rootSession().admin().groupsOf(grace.user()).stream().map(ExperimenterGroup::name).toList());
            assertEquals(Permissions.PRIVATE, sdk.rootSession().admin().group("navy").permissions());
            // the second login finds the same user
            assertEquals(grace.user().id(), sdk.login("grace", "token-grace".toCharArray()).user().id());
            // a refusal stops the chain; an abstention passes the login on to the password table
            user(sdk, "local", "token-x");
            refusal(sdk, "local", "token-x");
            user(sdk, "other", "plain");
            assertEquals("other", sdk.login("other", "plain".toCharArray()).user().omeName());
            assertTrue(calls.get() >= 4);
        }
    }

    @Test
    void aHostProviderNeedsANameOfItsOwn() {
        for (String taken : List.of("jdbcPasswordProvider", "ldapPasswordProvider", "chainedPasswordProvider",
                "campus-sso")) {
            PasswordProvider named = new PasswordProvider() {
                @Override
                public String name() {
                    return taken;
                }

                @Override
                public Verdict check(String login, char[] password) {
                    return Verdict.ABSTAIN;
                }
            };
            ValidationException e = assertThrows(ValidationException.class,
                    () -> builder().passwordProvider(sso(new AtomicInteger())).passwordProvider(named).open());
            assertTrue(e.getMessage().contains("\"" + taken + "\""), e.getMessage());
        }
    }

    @Test
    void theChainCanBeLimitedToTheInternalTable() {
        AtomicInteger calls = new AtomicInteger();
        try (OmeroSdk sdk = builder().passwordProvider(sso(calls))
                .set(ConfigKeys.SECURITY_PASSWORD_PROVIDER, "jdbcPasswordProvider").open()) {
            refusal(sdk, "grace", "token-grace");
            assertEquals(0, calls.get());
        }
    }

    @Test
    void anLdapUserIsCreatedOnFirstLoginWithTheDirectorysFieldsAndGroups() {
        try (OmeroSdk sdk = withLdap(builder()).open()) {
            Session ada = sdk.login("ada", "engine-1843".toCharArray());
            assertEquals("Lovelace", ada.user().lastName());
            assertTrue(ada.user().isLdap());
            assertEquals(List.of("engines", "user"),
                    sdk.rootSession().admin().groupsOf(ada.user()).stream().map(ExperimenterGroup::name).toList());
            assertEquals(sdk.login("ada", "engine-1843".toCharArray()).user().id(), ada.user().id());
            String wrong = refusal(sdk, "ada", "engine-1842");
            assertEquals(wrong, refusal(sdk, "grace", "engine-1843"));
            assertEquals(wrong, refusal(sdk, "*", "engine-1843"));
            assertEquals(wrong, refusal(sdk, "ada)(cn=*", "engine-1843"));
        }
    }

    @Test
    void anLdapUserRemovedFromTheDirectoryIsLockedOut() throws Exception {
        try (OmeroSdk sdk = withLdap(builder()).open()) {
            sdk.login("ada", "engine-1843".toCharArray());
            ldap.delete(ADA);
            refusal(sdk, "ada", "engine-1843");
            // nor can the password table be used instead: the user has no local password
            ldap.add("dn: ou=elsewhere," + TestDirectory.BASE, "objectClass: organizationalUnit", "ou: elsewhere");
            ldap.add("dn: cn=ada,ou=elsewhere," + TestDirectory.BASE, "objectClass: person", "cn: ada",
                    "sn: Impostor",
                    "userPassword: engine-1843");
            refusal(sdk, "ada", "engine-1843");
        }
    }

    @Test
    void syncOnLoginCopiesTheDirectorysChanges() throws Exception {
        try (OmeroSdk sdk = withLdap(builder()).set(ConfigKeys.LDAP_SYNC_ON_LOGIN, "true").open()) {
            sdk.login("ada", "engine-1843".toCharArray());
            ldap.modify("dn: " + ADA, "changetype: modify", "replace: mail", "mail: countess@example.org", "-",
                    "add: labName", "labName: looms");
            Session again = sdk.login("ada", "engine-1843".toCharArray());
            Experimenter ada = sdk.rootSession().admin().user("ada");
            assertEquals("countess@example.org", ada.email().orElseThrow());
            assertTrue(sdk.rootSession().admin().groupsOf(again.user()).stream()
                    .anyMatch(g -> g.name().equals("looms")));
        }
    }

    @Test
    void withoutSyncOnLoginTheDirectorysChangesAreNotCopied() throws Exception {
        try (OmeroSdk sdk = withLdap(builder()).open()) {
            sdk.login("ada", "engine-1843".toCharArray());
            ldap.modify("dn: " + ADA, "changetype: modify", "replace: mail", "mail: countess@example.org");
            sdk.login("ada", "engine-1843".toCharArray());
            assertEquals("ada@example.org", sdk.rootSession().admin().user("ada").email().orElseThrow());
        }
    }

    @Test
    void aLocalUserKeepsThePasswordTableEvenWhenTheDirectoryHasTheName() {
        try (OmeroSdk sdk = withLdap(builder()).open()) {
            user(sdk, "local", "table-pw");
            assertEquals("local", sdk.login("local", "table-pw".toCharArray()).user().omeName());
            refusal(sdk, "local", "directory-pw");
        }
    }

    @Test
    void anLdapLoginDifferingFromTheStoredNameOnlyInCaseOrSurroundingSpacesIsThatUser() {
        try (OmeroSdk sdk = withLdap(builder()).open()) {
            // first login through a variant: the user is created under the directory's name
            Experimenter ada = sdk.login("Ada", "engine-1843".toCharArray()).user();
            assertEquals("ada", ada.omeName());
            for (String login : List.of("ada", "ADA", " ada", "ada ", " Ada ")) {
                assertEquals(ada.id(), sdk.login(login, "engine-1843".toCharArray()).user().id(), login);
            }
            assertEquals(1, sdk.rootSession().admin().groupsOf(ada).stream().filter(g -> g.name().equals("user"))
                    .count());
            assertTrue(sdk.rootSession().admin().findUser("Ada").isEmpty());
            refusal(sdk, "ADA", "engine-1842");
        }
    }

    @Test
    void anLdapLoginVariantOfALocalUsersNameIsRefusedNotAStorageError() throws Exception {
        ldap.modify("dn: " + TestDirectory.dn("local"), "changetype: modify", "add: labName", "labName: engines");
        try (OmeroSdk sdk = withLdap(builder()).open()) {
            Experimenter local = user(sdk, "local", "table-pw");
            for (String login : List.of("Local", " local")) {
                assertThrows(AuthenticationException.class, () -> sdk.login(login, "directory-pw".toCharArray()));
            }
            assertEquals(local.id(), sdk.login("local", "table-pw".toCharArray()).user().id());
        }
    }
}
