package org.omerosdk.permissions.ldap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigKey;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;

/**
 * The {@code omero.ldap.*} configuration, parsed and checked once. Build it with {@link #from(OmeroConfig)}.
 *
 * @param urls             server URLs tried in order (failover), {@code ldap://} or {@code ldaps://}
 * @param base             DN under which users and groups are searched
 * @param bindDn           DN for searches; empty for anonymous searches
 * @param bindPassword     password of {@code bindDn}
 * @param userFilter       filter every user entry must pass, e.g. {@code (objectClass=person)}
 * @param userMapping      experimenter field ({@code omeName}, {@code firstName}, ...) to LDAP attribute
 * @param groupFilter      filter every group entry must pass
 * @param groupNameAttribute the LDAP attribute that names a group ({@code name=cn} in group_mapping)
 * @param newUserGroup     how a new user's groups are found
 * @param newUserGroupOwner filter ANDed to the group query to find the groups the user owns; empty for none
 * @param syncOnLogin      whether attributes and groups are copied at every login
 * @param connectTimeout   zero for no limit
 * @param readTimeout      zero for no limit
 * @param referral         what to do with referrals
 */
public record LdapSettings(boolean enabled, List<String> urls, String base, String bindDn, String bindPassword,
                           String userFilter, Map<String, String> userMapping, String groupFilter,
                           String groupNameAttribute, NewUserGroupRule newUserGroup, String newUserGroupOwner,
                           boolean syncOnLogin, Duration connectTimeout, Duration readTimeout, Referral referral) {

    /** OMERO's {@code omero.ldap.referral} values. */
    public enum Referral { IGNORE, FOLLOW, THROW }

    public LdapSettings {
        urls = List.copyOf(urls);
        userMapping = Map.copyOf(userMapping);
        if (urls.isEmpty()) {
            throw new ValidationException("omero.ldap.urls is empty; give at least one ldap:// or ldaps:// URL");
        }
        if (!userMapping.containsKey("omeName")) {
            throw new ValidationException("omero.ldap.user_mapping has no omeName=...; it names the login attribute");
        }
    }

    /**
     * Reads the {@code omero.ldap.*} keys.
     *
     * @throws ValidationException naming the key and value that cannot be used
     */
    public static LdapSettings from(OmeroConfig config) {
        List<String> urls = new ArrayList<>();
        for (String u : config.get(ConfigKeys.LDAP_URLS).split("[,\\s]+")) {
            if (u.isBlank()) {
                continue;
            }
            String lower = u.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("ldap://") && !lower.startsWith("ldaps://")) {
                throw new ValidationException("omero.ldap.urls has \"" + u + "\"; accepted: ldap://host[:port] or "
                        + "ldaps://host[:port]");
            }
            urls.add(u);
        }
        Map<String, String> userMapping = mapping(config, ConfigKeys.LDAP_USER_MAPPING);
        Map<String, String> groupMapping = mapping(config, ConfigKeys.LDAP_GROUP_MAPPING);
        String groupName = groupMapping.getOrDefault("name", "cn");
        Referral referral;
        String r = config.get(ConfigKeys.LDAP_REFERRAL).trim();
        try {
            referral = Referral.valueOf(r.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("omero.ldap.referral = \"" + r + "\"; accepted: ignore, follow, throw");
        }
        return new LdapSettings(
                config.getBoolean(ConfigKeys.LDAP_CONFIG),
                urls,
                config.get(ConfigKeys.LDAP_BASE).trim(),
                config.get(ConfigKeys.LDAP_USERNAME).trim(),
                config.get(ConfigKeys.LDAP_PASSWORD),
                config.get(ConfigKeys.LDAP_USER_FILTER).trim(),
                userMapping,
                config.get(ConfigKeys.LDAP_GROUP_FILTER).trim(),
                groupName,
                NewUserGroupRule.parse(config.get(ConfigKeys.LDAP_NEW_USER_GROUP)),
                config.get(ConfigKeys.LDAP_NEW_USER_GROUP_OWNER).trim(),
                config.getBoolean(ConfigKeys.LDAP_SYNC_ON_LOGIN),
                millis(config, ConfigKeys.LDAP_CONNECT_TIMEOUT),
                millis(config, ConfigKeys.LDAP_READ_TIMEOUT),
                referral);
    }

    private static Duration millis(OmeroConfig config, ConfigKey key) {
        int ms = config.getInt(key);
        return ms <= 0 ? Duration.ZERO : Duration.ofMillis(ms);
    }

    /** Parses {@code field=attribute, field=attribute}; the order is kept. */
    static Map<String, String> mapping(OmeroConfig config, ConfigKey key) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String item : config.getList(key)) {
            int eq = item.indexOf('=');
            if (eq <= 0 || eq == item.length() - 1) {
                throw new ValidationException(key.name() + " has \"" + item + "\"; each item must be field=attribute");
            }
            map.put(item.substring(0, eq).trim(), item.substring(eq + 1).trim());
        }
        return map;
    }

    /** The LDAP attribute holding the login name ({@code omeName} in user_mapping). */
    public String loginAttribute() {
        return userMapping.get("omeName");
    }

    @Override
    public String toString() {
        // never print the bind password
        return "LdapSettings[urls=" + urls + ", base=" + base + ", bindDn=" + bindDn + ", userFilter=" + userFilter
                + ", newUserGroup=" + newUserGroup + "]";
    }
}
