package org.omerosdk.permissions.ldap;

import org.omerosdk.model.ValidationException;

/**
 * How the groups of a user who logs in through LDAP for the first time are found ({@code omero.ldap.new_user_group}).
 * The forms are OMERO's: a plain group name; {@code :ou:}; {@code :attribute:A}, {@code :filtered_attribute:A},
 * {@code :dn_attribute:A}, {@code :filtered_dn_attribute:A}; {@code :query:FILTER}; and {@code :bean:NAME}, which
 * here names a {@link NewUserGroupMapper} the host application registers (there is no Spring context).
 */
public sealed interface NewUserGroupRule {

    /** Every new user joins the one group of this name. */
    record Named(String group) implements NewUserGroupRule {
    }

    /** The organisational unit nearest the user in the user's DN names the group. */
    record OrgUnit() implements NewUserGroupRule {
    }

    /**
     * Every value of {@code attribute} of the user's entry names a group; as a DN when {@code dn} (the group name
     * is then the DN's group-name attribute), and only groups passing the group filter when {@code filtered}.
     */
    record Attribute(String attribute, boolean filtered, boolean dn) implements NewUserGroupRule {
    }

    /** Groups passing {@code (&(group_filter)(filter))}, with {@code @{attr}} replaced by the user's values. */
    record Query(String filter) implements NewUserGroupRule {
    }

    /** A mapper registered by the host application under this name. */
    record Host(String name) implements NewUserGroupRule {
    }

    /**
     * Parses a {@code omero.ldap.new_user_group} value.
     *
     * @throws ValidationException naming the value and the accepted forms
     */
    static NewUserGroupRule parse(String value) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            throw new ValidationException("omero.ldap.new_user_group is empty; accepted: a group name, :ou:, "
                    + ":attribute:A, :filtered_attribute:A, :dn_attribute:A, :filtered_dn_attribute:A, "
                    + ":query:FILTER, :bean:NAME");
        }
        if (!v.startsWith(":")) {
            return new Named(v);
        }
        if (v.equals(":ou:")) {
            return new OrgUnit();
        }
        String[][] attributeForms = {
            {":attribute:", "false", "false"}, {":filtered_attribute:", "true", "false"},
            {":dn_attribute:", "false", "true"}, {":filtered_dn_attribute:", "true", "true"}};
        for (String[] form : attributeForms) {
            if (v.startsWith(form[0])) {
                return new Attribute(argument(v, form[0]), Boolean.parseBoolean(form[1]), Boolean.parseBoolean(form[2]));
            }
        }
        if (v.startsWith(":query:")) {
            String filter = argument(v, ":query:");
            checkBalanced(filter, value);
            return new Query(filter);
        }
        if (v.startsWith(":bean:")) {
            return new Host(argument(v, ":bean:"));
        }
        throw new ValidationException("omero.ldap.new_user_group = \"" + v + "\" has an unknown prefix; accepted: "
                + ":ou:, :attribute:, :filtered_attribute:, :dn_attribute:, :filtered_dn_attribute:, :query:, :bean:");
    }

    /** The part of the filter check that needs no LDAP library (the directory parses the filter fully). */
    private static void checkBalanced(String filter, String value) {
        int depth = 0;
        for (int i = 0; i < filter.length() && depth >= 0; i++) {
            char c = filter.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        }
        if (depth != 0) {
            throw new ValidationException("omero.ldap.new_user_group = \"" + value + "\" is not an LDAP filter: "
                    + "its parentheses do not balance");
        }
    }

    private static String argument(String value, String prefix) {
        String arg = value.substring(prefix.length()).trim();
        if (arg.isEmpty()) {
            throw new ValidationException("omero.ldap.new_user_group = \"" + value + "\" has nothing after " + prefix);
        }
        return arg;
    }
}
