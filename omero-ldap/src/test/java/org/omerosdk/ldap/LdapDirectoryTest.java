package org.omerosdk.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.omerosdk.model.OmeroException;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.permissions.ldap.LdapSettings;
import org.omerosdk.permissions.ldap.LdapUser;
import org.omerosdk.permissions.ldap.NewUserGroupMapper;

/** Runs against UnboundID's in-memory directory server on loopback: a real LDAP protocol peer. */
class LdapDirectoryTest {
    private static final String BASE = "ou=example,o=com";
    private static final String ADA = "cn=ada,ou=HookeLab,ou=biology," + BASE;
    private static InMemoryDirectoryServer server;

    @BeforeAll
    static void startDirectory() throws Exception {
        InMemoryDirectoryServerConfig cfg = new InMemoryDirectoryServerConfig("o=com");
        cfg.setSchema(null); // allow memberOf and the other attributes the scenarios use
        cfg.addAdditionalBindCredentials("cn=omero,o=com", "service-secret");
        cfg.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("loopback",
                InetAddress.getLoopbackAddress(), 0, null));
        server = new InMemoryDirectoryServer(cfg);
        server.add("dn: o=com", "objectClass: organization", "o: com");
        server.add("dn: " + BASE, "objectClass: organizationalUnit", "ou: example");
        server.add("dn: ou=biology," + BASE, "objectClass: organizationalUnit", "ou: biology");
        server.add("dn: ou=HookeLab,ou=biology," + BASE, "objectClass: organizationalUnit", "ou: HookeLab");
        server.add("dn: ou=groups," + BASE, "objectClass: organizationalUnit", "ou: groups");
        server.add("dn: ou=other," + BASE, "objectClass: organizationalUnit", "ou: other");
        server.add("dn: " + ADA, "objectClass: person", "objectClass: inetOrgPerson", "cn: ada",
                "givenName: Ada", "sn: Lovelace", "mail: ada@example.org", "department: Analytical Engines",
                "userPassword: engine-1843", "labName: lab1", "labName: lab2", "labName: notagroup",
                "memberOf: cn=lab1,ou=groups," + BASE, "memberOf: cn=notagroup,ou=groups," + BASE);
        server.add("dn: cn=bob,ou=other," + BASE, "objectClass: person", "cn: bob", "sn: Hooke",
                "userPassword: bob-pw");
        server.add("dn: cn=svc,ou=other," + BASE, "objectClass: organizationalRole", "cn: svc",
                "userPassword: svc-pw");
        server.add("dn: cn=twin,ou=biology," + BASE, "objectClass: person", "cn: twin", "sn: A",
                "userPassword: twin-pw");
        server.add("dn: cn=twin,ou=other," + BASE, "objectClass: person", "cn: twin", "sn: B",
                "userPassword: twin-pw");
        server.add("dn: cn=lab1,ou=groups," + BASE, "objectClass: groupOfNames", "cn: lab1", "member: " + ADA,
                "owner: " + ADA);
        server.add("dn: cn=lab2,ou=groups," + BASE, "objectClass: groupOfNames", "cn: lab2", "member: " + ADA,
                "member: cn=bob,ou=other," + BASE);
        server.add("dn: cn=notagroup,ou=groups," + BASE, "objectClass: organizationalRole", "cn: notagroup");
        server.startListening();
    }

    @AfterAll
    static void stopDirectory() {
        server.shutDown(true);
    }

    private static OmeroConfig config(String... keyValues) {
        OmeroConfig c = OmeroConfig.defaults()
                .with(ConfigKeys.LDAP_CONFIG, "true")
                .with(ConfigKeys.LDAP_URLS, "ldap://127.0.0.1:" + server.getListenPort())
                .with(ConfigKeys.LDAP_BASE, BASE);
        for (int i = 0; i < keyValues.length; i += 2) {
            c = c.with(keyValues[i], keyValues[i + 1]);
        }
        return c;
    }

    private static LdapDirectory directory(String... keyValues) {
        return new LdapDirectory(LdapSettings.from(config(keyValues)));
    }

    @Test
    void knownUserWithTheRightPasswordIsAuthenticatedWithMappedFields() {
        LdapUser ada = directory().authenticate("ada", "engine-1843".toCharArray()).orElseThrow();
        assertEquals(ADA, ada.dn());
        assertEquals("ada", ada.omeName());
        assertEquals("Ada", ada.firstName());
        assertEquals("Lovelace", ada.lastName());
        assertEquals("ada@example.org", ada.email());
        assertEquals("Analytical Engines", ada.institution());
        assertEquals("", ada.middleName());
    }

    @Test
    void wrongPasswordIsRefused() {
        assertTrue(directory().authenticate("ada", "engine-1842".toCharArray()).isEmpty());
    }

    @Test
    void unknownUserAnswersExactlyLikeAWrongPassword() {
        assertEquals(Optional.empty(), directory().authenticate("grace", "engine-1843".toCharArray()));
    }

    @Test
    void emptyPasswordNeverAuthenticates() {
        assertTrue(directory().authenticate("ada", new char[0]).isEmpty());
    }

    @Test
    void wildcardLoginsMatchNobody() {
        LdapDirectory d = directory();
        for (String login : List.of("*", "a*", "*da")) {
            assertTrue(d.authenticate(login, "engine-1843".toCharArray()).isEmpty(), login);
            assertTrue(d.find(login).isEmpty(), login);
        }
    }

    @Test
    void filterInjectionInTheLoginMatchesNobody() {
        LdapDirectory d = directory();
        for (String login : List.of("ada)(|(cn=*", "*)(objectClass=*", "ada)(cn=ada", "ada\\2a", "ada\u0000")) {
            assertTrue(d.authenticate(login, "engine-1843".toCharArray()).isEmpty(), login);
        }
    }

    @Test
    void entryOutsideTheUserFilterIsNotAUser() {
        assertTrue(directory().authenticate("svc", "svc-pw".toCharArray()).isEmpty());
    }

    @Test
    void loginMatchingSeveralEntriesIsRefused() {
        assertTrue(directory().authenticate("twin", "twin-pw".toCharArray()).isEmpty());
    }

    @Test
    void plainNewUserGroupNamesOneGroup() {
        LdapUser bob = directory("omero.ldap.new_user_group", "imaging").find("bob").orElseThrow();
        assertEquals(List.of("imaging"), bob.groups());
    }

    @Test
    void defaultNewUserGroupIsTheGroupNamedDefault() {
        assertEquals(List.of("default"), directory().find("bob").orElseThrow().groups());
    }

    @Test
    void orgUnitRuleTakesTheUnitNearestTheUser() {
        LdapUser ada = directory("omero.ldap.new_user_group", ":ou:").find("ada").orElseThrow();
        assertEquals(List.of("HookeLab"), ada.groups());
    }

    @Test
    void attributeRuleTakesEveryValueAsAGroupName() {
        LdapUser ada = directory("omero.ldap.new_user_group", ":attribute:labName").find("ada").orElseThrow();
        assertEquals(List.of("lab1", "lab2", "notagroup"), ada.groups());
    }

    @Test
    void filteredAttributeRuleDropsValuesThatAreNotGroups() {
        LdapUser ada = directory("omero.ldap.new_user_group", ":filtered_attribute:labName").find("ada").orElseThrow();
        assertEquals(List.of("lab1", "lab2"), ada.groups());
    }

    @Test
    void dnAttributeRuleNamesGroupsByTheirDnsNameAttribute() {
        LdapUser ada = directory("omero.ldap.new_user_group", ":dn_attribute:memberOf").find("ada").orElseThrow();
        assertEquals(List.of("lab1", "notagroup"), ada.groups());
    }

    @Test
    void filteredDnAttributeRuleKeepsOnlyRealGroups() {
        LdapUser ada = directory("omero.ldap.new_user_group", ":filtered_dn_attribute:memberOf")
                .find("ada").orElseThrow();
        assertEquals(List.of("lab1"), ada.groups());
    }

    @Test
    void attributeRuleOnAMissingAttributeIsAClearError() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> directory("omero.ldap.new_user_group", ":attribute:labName").find("bob"));
        assertTrue(e.getMessage().contains("labName"), e.getMessage());
    }

    @Test
    void queryRuleFindsGroupsListingTheUser() {
        LdapUser bob = directory("omero.ldap.new_user_group", ":query:(member=@{dn})").find("bob").orElseThrow();
        assertEquals(List.of("lab2"), bob.groups());
        assertEquals(List.of(), bob.ownedGroups());
    }

    @Test
    void ownerQueryFindsTheGroupsTheUserLeads() {
        LdapUser ada = directory("omero.ldap.new_user_group", ":query:(member=@{dn})",
                "omero.ldap.new_user_group_owner", "(owner=@{dn})").find("ada").orElseThrow();
        assertEquals(List.of("lab1", "lab2"), ada.groups());
        assertEquals(List.of("lab1"), ada.ownedGroups());
    }

    @Test
    void hostMapperReplacesOmerosBean() {
        LdapSettings s = LdapSettings.from(config("omero.ldap.new_user_group", ":bean:byInitial"));
        LdapDirectory d = new LdapDirectory(s, Map.of("byInitial",
                user -> List.of("initial-" + user.omeName().charAt(0))));
        assertEquals(List.of("initial-b"), d.find("bob").orElseThrow().groups());
    }

    @Test
    void unregisteredHostMapperIsRefusedAtConstruction() {
        LdapSettings s = LdapSettings.from(config("omero.ldap.new_user_group", ":bean:missing"));
        ValidationException e = assertThrows(ValidationException.class, () -> new LdapDirectory(s));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void searchBindAsAServiceAccountWorks() {
        LdapDirectory d = directory("omero.ldap.username", "cn=omero,o=com", "omero.ldap.password", "service-secret");
        assertTrue(d.authenticate("ada", "engine-1843".toCharArray()).isPresent());
    }

    @Test
    void wrongServicePasswordIsAnErrorNamingTheKeys() {
        LdapDirectory d = directory("omero.ldap.username", "cn=omero,o=com", "omero.ldap.password", "nope");
        OmeroException e = assertThrows(OmeroException.class,
                () -> d.authenticate("ada", "engine-1843".toCharArray()));
        assertTrue(e.getMessage().contains("omero.ldap.password"), e.getMessage());
    }

    @Test
    void unreachableServerIsAnErrorNamingTheUrlNotAWrongPassword() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        LdapDirectory d = directory("omero.ldap.urls", "ldap://127.0.0.1:" + closedPort,
                "omero.ldap.connect_timeout", "2000");
        OmeroException e = assertThrows(OmeroException.class,
                () -> d.authenticate("ada", "engine-1843".toCharArray()));
        assertTrue(e.getMessage().contains("127.0.0.1:" + closedPort), e.getMessage());
    }

    @Test
    void failoverUsesTheNextUrlWhenTheFirstIsDown() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        LdapDirectory d = directory("omero.ldap.urls",
                "ldap://127.0.0.1:" + closedPort + " ldap://127.0.0.1:" + server.getListenPort());
        assertTrue(d.authenticate("ada", "engine-1843".toCharArray()).isPresent());
    }

    @Test
    void settingsRefuseBadValuesNamingTheKey() {
        assertTrue(assertThrows(ValidationException.class,
                () -> LdapSettings.from(config("omero.ldap.urls", "http://x")))
                .getMessage().contains("omero.ldap.urls"));
        assertTrue(assertThrows(ValidationException.class,
                () -> LdapSettings.from(config("omero.ldap.new_user_group", ":group:x")))
                .getMessage().contains(":query:"));
        assertTrue(assertThrows(ValidationException.class,
                () -> LdapSettings.from(config("omero.ldap.new_user_group", ":query:(member=@{dn}")))
                .getMessage().contains("omero.ldap.new_user_group"));
        assertTrue(assertThrows(ValidationException.class,
                () -> LdapSettings.from(config("omero.ldap.referral", "sometimes")))
                .getMessage().contains("ignore, follow, throw"));
        assertTrue(assertThrows(ValidationException.class,
                () -> new LdapDirectory(LdapSettings.from(config("omero.ldap.user_filter", "(objectClass=person"))))
                .getMessage().contains("omero.ldap.user_filter"));
    }

    @Test
    void settingsNeverPrintTheBindPassword() {
        LdapSettings s = LdapSettings.from(config("omero.ldap.password", "top-secret"));
        assertTrue(!s.toString().contains("top-secret"));
    }
}
