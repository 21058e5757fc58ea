package org.omerosdk.sdk;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.omerosdk.model.config.ConfigKeys;

/**
 * The login tests' LDAP directory: UnboundID's in-memory server on loopback, with the people under
 * {@code ou=lab,}{@link #BASE} and their group in the attribute {@code labName}
 * ({@code omero.ldap.new_user_group=:attribute:labName}). Start one per test; close it after.
 */
public final class TestDirectory implements AutoCloseable {
    public static final String BASE = "ou=example,o=com";

    /** The server, for tests that change or delete entries. */
    public final InMemoryDirectoryServer server;

    private TestDirectory(InMemoryDirectoryServer server) {
        this.server = server;
    }

    /** A running directory with the organisation and {@code ou=lab} and no people. */
    public static TestDirectory start() throws Exception {
        InMemoryDirectoryServerConfig cfg = new InMemoryDirectoryServerConfig("o=com");
        cfg.setSchema(null);
        cfg.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("loopback",
                InetAddress.getLoopbackAddress(), 0, null));
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(cfg);
        server.add("dn: o=com", "objectClass: organization", "o: com");
        server.add("dn: " + BASE, "objectClass: organizationalUnit", "ou: example");
        server.add("dn: ou=lab," + BASE, "objectClass: organizationalUnit", "ou: lab");
        server.startListening();
        return new TestDirectory(server);
    }

    /** The DN of the person {@code cn} under {@code ou=lab}. */
    public static String dn(String cn) {
        return "cn=" + cn + ",ou=lab," + BASE;
    }

    /** Adds a person under {@code ou=lab} with this password and further {@code attribute: value} lines. */
    public void addPerson(String cn, String password, String... attributes) throws Exception {
        List<String> ldif = new ArrayList<>(List.of("dn: " + dn(cn), "objectClass: person", "cn: " + cn,
                "userPassword: " + password));
        ldif.addAll(List.of(attributes));
        if (ldif.stream().noneMatch(l -> l.startsWith("sn:"))) {
            ldif.add("sn: " + cn);
        }
        server.add(ldif.toArray(String[]::new));
    }

    /** The settings that make {@code b} log in against this directory. */
    public OmeroSdk.Builder configure(OmeroSdk.Builder b) {
        return b.set(ConfigKeys.LDAP_CONFIG, "true")
                .set(ConfigKeys.LDAP_URLS, "ldap://127.0.0.1:" + server.getListenPort())
                .set(ConfigKeys.LDAP_BASE, BASE)
                .set(ConfigKeys.LDAP_NEW_USER_GROUP, ":attribute:labName");
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}
