package org.omerosdk.sdk;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.omerosdk.permissions.auth.PasswordProvider;

/**
 * OMERO's LDAP provider ({@code ldapPasswordProvider}, the omero-ldap artifact) against UnboundID's in-memory
 * server passes the password-provider contract; it fails when the server goes away.
 */
class LdapPasswordProviderTest extends PasswordProviderContract {
    private TestDirectory directory;

    @BeforeEach
    void startDirectory() throws Exception {
        directory = TestDirectory.start();
    }

    @AfterEach
    void stopDirectory() {
        directory.close();
    }

    @Override
    protected String providerName() {
        return PasswordProvider.LDAP;
    }

    @Override
    protected OmeroSdk.Builder configure(OmeroSdk.Builder b) {
        return directory.configure(b);
    }

    @Override
    protected void addUser(OmeroSdk sdk, String name, String password) throws Exception {
        directory.addPerson(name, password, "givenName: Ada", "sn: Lovelace", "labName: " + GROUP);
    }

    @Override
    protected boolean breakProvider() {
        directory.server.shutDown(true);
        return true;
    }
}
