package org.omerosdk.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.omerosdk.model.ValidationException;
import org.omerosdk.permissions.ldap.LdapSettings;

/** Filter building in one place, so that no user-supplied text reaches a filter unescaped. */
final class LdapFilters {
    private static final Pattern PLACEHOLDER = Pattern.compile("@\\{([^}]*)}");

    private LdapFilters() {
    }

    /** Parses a configured filter, naming the key on failure. */
    static Filter checkSyntax(String filter, String key) {
        try {
            return Filter.create(filter);
        } catch (LDAPException e) {
            throw new ValidationException(key + " = \"" + filter + "\" is not an LDAP filter: "
                    + e.getDiagnosticMessage());
        }
    }

    /** {@code (&(userFilter)(loginAttribute=login))} with {@code login} escaped (RFC 4515). */
    static Filter userByLogin(LdapSettings s, String login) {
        return Filter.createANDFilter(checkSyntax(s.userFilter(), "omero.ldap.user_filter"),
                Filter.createEqualityFilter(s.loginAttribute(), login));
    }

    /**
     * Replaces each {@code @{attr}} in {@code template} with the user's single value of {@code attr}, escaped; the
     * pseudo-attribute {@code dn} is the user's DN. OMERO inserts the values unescaped, which lets a crafted
     * attribute value rewrite the filter; we escape them.
     */
    static String substitute(String template, String dn, Map<String, List<String>> attributes, String key) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String attr = m.group(1);
            List<String> values = attr.equalsIgnoreCase("dn") ? List.of(dn) : attributes.getOrDefault(
                    attr.toLowerCase(java.util.Locale.ROOT), List.of());
            if (values.size() != 1) {
                throw new ValidationException(key + " uses @{" + attr + "} but the user has " + values.size()
                        + " values of " + attr + "; exactly one is needed");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(Filter.encodeValue(values.get(0))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
