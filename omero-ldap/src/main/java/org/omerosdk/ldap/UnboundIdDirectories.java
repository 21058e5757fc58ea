package org.omerosdk.ldap;

import java.util.Map;
import org.omerosdk.permissions.ldap.Directory;
import org.omerosdk.permissions.ldap.LdapSettings;
import org.omerosdk.permissions.ldap.NewUserGroupMapper;

/** The {@link Directory.Provider} this module registers: {@link LdapDirectory} on UnboundID's LDAP SDK. */
public final class UnboundIdDirectories implements Directory.Provider {
    @Override
    public Directory open(LdapSettings settings, Map<String, NewUserGroupMapper> mappers) {
        return new LdapDirectory(settings, mappers);
    }
}
