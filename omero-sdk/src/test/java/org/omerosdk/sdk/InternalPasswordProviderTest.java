package org.omerosdk.sdk;

import org.omerosdk.model.Permissions;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.permissions.auth.PasswordProvider;

/** The password table ({@code jdbcPasswordProvider}) passes the password-provider contract. */
class InternalPasswordProviderTest extends PasswordProviderContract {
    @Override
    protected String providerName() {
        return PasswordProvider.JDBC;
    }

    @Override
    protected OmeroSdk.Builder configure(OmeroSdk.Builder b) {
        return b;
    }

    @Override
    protected void addUser(OmeroSdk sdk, String name, String password) {
        Admin admin = sdk.rootSession().admin();
        ExperimenterGroup group = admin.findGroup(GROUP)
                .orElseGet(() -> admin.createGroup(GROUP, Permissions.Level.READ_ONLY));
        admin.setPassword(admin.createUser(name, "Ada", "Lovelace", group), password.toCharArray());
    }
}
