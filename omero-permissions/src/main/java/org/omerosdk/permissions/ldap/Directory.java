package org.omerosdk.permissions.ldap;

import java.util.Map;
import java.util.Optional;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.Providers;

/**
 * An LDAP directory as the login chain uses it ({@code omero.ldap.*} semantics). The implementation lives in the
 * optional artifact {@code org.omerosdk:omero-ldap} (UnboundID's LDAP SDK), so that hosts without LDAP do not carry
 * it; it is found through {@link ServiceLoader} by {@link #open}.
 *
 * <p>Every method answers an unknown user, a wrong or empty password and an ambiguous login alike (empty), and
 * throws when the directory cannot be reached, never answering "wrong password" for an outage.
 */
public interface Directory {
    /** The artifact that implements this interface. */
    String ARTIFACT = "org.omerosdk:omero-ldap";

    /** The user, when {@code login} names exactly one entry in the user filter and the password binds as it. */
    Optional<LdapUser> authenticate(String login, char[] password);

    /** The user without checking a password (for {@code sync_on_login} and administration). */
    Optional<LdapUser> find(String login);

    /** The DN of the one entry with this login, without reading groups. */
    Optional<String> findDn(String login);

    /** Opens directories; registered in {@code META-INF/services/org.omerosdk.permissions.ldap.Directory$Provider}. */
    interface Provider {
        /**
         * @param mappers host-supplied rules, by the name used in {@code omero.ldap.new_user_group=:bean:NAME}
         * @throws ValidationException when the settings cannot be used (naming the key)
         */
        Directory open(LdapSettings settings, Map<String, NewUserGroupMapper> mappers);
    }

    /**
     * Opens the directory the settings describe with the first provider found, looking in this library's own class
     * loader first and then in the thread's context class loader (plugin hosts).
     *
     * @throws ValidationException when no provider is on the class path, naming the artifact to add
     */
    static Directory open(LdapSettings settings, Map<String, NewUserGroupMapper> mappers) {
        for (Provider p : Providers.of(Provider.class, Directory.class)) {
            return p.open(settings, mappers);
        }
        throw new ValidationException("omero.ldap.config is true but no LDAP directory is on the class path: add "
                + "the dependency " + ARTIFACT + " (same version as omero-sdk), which brings UnboundID's LDAP SDK");
    }
}
