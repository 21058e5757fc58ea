package org.omerosdk.permissions.ldap;

import java.util.List;

/**
 * A host application's own rule for the groups of a new LDAP user, selected with
 * {@code omero.ldap.new_user_group=:bean:NAME} (OMERO looks a Spring bean up by that name; we look up the mapper
 * registered under NAME when the {@link Directory} is opened).
 */
@FunctionalInterface
public interface NewUserGroupMapper {
    /**
     * @param user the user's entry as read from the directory (groups not yet filled in)
     * @return the names of the groups the user joins
     */
    List<String> groups(LdapUser user);
}
