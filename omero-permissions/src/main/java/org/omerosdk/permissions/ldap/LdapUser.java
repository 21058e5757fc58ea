package org.omerosdk.permissions.ldap;

import java.util.List;
import java.util.Map;

/**
 * A user as the directory describes them: the DN, the experimenter fields mapped through
 * {@code omero.ldap.user_mapping} (absent attributes are empty strings), every attribute read, and the groups the
 * user belongs to and owns according to {@code omero.ldap.new_user_group} and {@code new_user_group_owner}.
 */
public record LdapUser(String dn, String omeName, String firstName, String middleName, String lastName,
                       String email, String institution, Map<String, List<String>> attributes,
                       List<String> groups, List<String> ownedGroups) {
    public LdapUser {
        attributes = Map.copyOf(attributes);
        groups = List.copyOf(groups);
        ownedGroups = List.copyOf(ownedGroups);
    }

    /** This user with other groups (the directory fills them in after reading the entry). */
    public LdapUser withGroups(List<String> newGroups, List<String> newOwned) {
        return new LdapUser(dn, omeName, firstName, middleName, lastName, email, institution, attributes,
                newGroups, newOwned);
    }
}
