package org.omerosdk.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import org.omerosdk.model.OmeroException;
import org.omerosdk.model.ValidationException;
import org.omerosdk.permissions.ldap.Directory;
import org.omerosdk.permissions.ldap.LdapSettings;
import org.omerosdk.permissions.ldap.LdapUser;
import org.omerosdk.permissions.ldap.NewUserGroupMapper;
import org.omerosdk.permissions.ldap.NewUserGroupRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates users against an LDAP directory with OMERO's {@code omero.ldap.*} semantics and reads what OMERO
 * would copy into the experimenter: the mapped fields and the groups ({@code new_user_group},
 * {@code new_user_group_owner}).
 *
 * <p>Guarantees: a login name is always escaped before it reaches a filter (no filter injection); an empty password
 * never authenticates (an LDAP simple bind with an empty password is an anonymous bind that servers accept);
 * an unknown user, a wrong password and a login matching several entries all answer the same empty result. A
 * directory that cannot be reached is an error naming the URLs, never a silent "wrong password".
 * Thread-safe: every call uses its own connection.
 */
public final class LdapDirectory implements Directory {
    private static final Logger LOG = LoggerFactory.getLogger(LdapDirectory.class);

    private final LdapSettings settings;
    private final Map<String, NewUserGroupMapper> mappers;
    private final FailoverServerSet servers;

    /** A directory with no host-supplied group mappers. */
    public LdapDirectory(LdapSettings settings) {
        this(settings, Map.of());
    }

    /**
     * @param mappers host-supplied rules, by the name used in {@code omero.ldap.new_user_group=:bean:NAME}
     * @throws ValidationException when the settings name a mapper that is not given, or a URL cannot be used
     */
    public LdapDirectory(LdapSettings settings, Map<String, NewUserGroupMapper> mappers) {
        this.settings = settings;
        this.mappers = Map.copyOf(mappers);
        if (settings.newUserGroup() instanceof NewUserGroupRule.Host h && !this.mappers.containsKey(h.name())) {
            throw new ValidationException("omero.ldap.new_user_group names the mapper \"" + h.name()
                    + "\" but none is registered under that name; registered: " + this.mappers.keySet());
        }
        LdapFilters.checkSyntax(settings.userFilter(), "omero.ldap.user_filter");
        LdapFilters.checkSyntax(settings.groupFilter(), "omero.ldap.group_filter");
        if (settings.newUserGroup() instanceof NewUserGroupRule.Query q) {
            LdapFilters.checkSyntax(q.filter().replaceAll("@\\{[^}]*}", "x"), "omero.ldap.new_user_group");
        }
        this.servers = serverSet(settings);
    }

    /**
     * Checks {@code login} and {@code password} against the directory.
     *
     * @return the user, or empty when the login is unknown, ambiguous, outside the user filter, or the password is
     *         wrong or empty
     * @throws OmeroException when no server can be reached or the directory answers with an error
     */
    @Override
    public Optional<LdapUser> authenticate(String login, char[] password) {
        if (login == null || login.isBlank() || password == null || password.length == 0) {
            return Optional.empty();
        }
        try (LDAPConnection conn = connect()) {
            Optional<SearchResultEntry> entry = findEntry(conn, login);
            if (entry.isEmpty()) {
                return Optional.empty();
            }
            if (!passwordMatches(entry.get().getDN(), password)) {
                return Optional.empty();
            }
            return Optional.of(describe(conn, entry.get()));
        } catch (LDAPException e) {
            throw failure("authenticating \"" + login + "\"", e);
        }
    }

    /** Reads the user without checking a password (for {@code sync_on_login} and administration). */
    @Override
    public Optional<LdapUser> find(String login) {
        if (login == null || login.isBlank()) {
            return Optional.empty();
        }
        try (LDAPConnection conn = connect()) {
            Optional<SearchResultEntry> entry = findEntry(conn, login);
            return entry.isEmpty() ? Optional.empty() : Optional.of(describe(conn, entry.get()));
        } catch (LDAPException e) {
            throw failure("looking up \"" + login + "\"", e);
        }
    }

    /**
     * The DN of the one entry with this login (OMERO's {@code findDN}), without reading groups: what decides
     * whether a user created from the directory is still the same entry.
     */
    @Override
    public Optional<String> findDn(String login) {
        if (login == null || login.isBlank()) {
            return Optional.empty();
        }
        try (LDAPConnection conn = connect()) {
            return findEntry(conn, login).map(SearchResultEntry::getDN);
        } catch (LDAPException e) {
            throw failure("looking up \"" + login + "\"", e);
        }
    }

    private Optional<SearchResultEntry> findEntry(LDAPConnection conn, String login) throws LDAPException {
        SearchResult result = search(conn, LdapFilters.userByLogin(settings, login));
        List<SearchResultEntry> entries = result.getSearchEntries();
        if (entries.size() > 1) {
            LOG.warn("LDAP has {} entries for login {} under {}; refusing the login until it is unique",
                    entries.size(), login, settings.base());
            return Optional.empty();
        }
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(0));
    }

    private boolean passwordMatches(String dn, char[] password) throws LDAPException {
        // a separate connection, so the search connection keeps its own bind
        try (LDAPConnection c = servers.getConnection()) {
            c.bind(dn, new String(password));
            return true;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS
                    || e.getResultCode() == ResultCode.INAPPROPRIATE_AUTHENTICATION) {
                return false;
            }
            throw e;
        }
    }

    private LdapUser describe(LDAPConnection conn, SearchResultEntry entry) throws LDAPException {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (Attribute a : entry.getAttributes()) {
            attributes.put(a.getBaseName().toLowerCase(Locale.ROOT), List.of(a.getValues()));
        }
        LdapUser user = new LdapUser(entry.getDN(), field(attributes, "omeName"), field(attributes, "firstName"),
                field(attributes, "middleName"), field(attributes, "lastName"), field(attributes, "email"),
                field(attributes, "institution"), attributes, List.of(), List.of());
        return user.withGroups(groups(conn, user), ownedGroups(conn, user));
    }

    private String field(Map<String, List<String>> attributes, String field) {
        String attr = settings.userMapping().get(field);
        if (attr == null) {
            return "";
        }
        List<String> values = attributes.getOrDefault(attr.toLowerCase(Locale.ROOT), List.of());
        return values.isEmpty() ? "" : values.get(0);
    }

    private List<String> groups(LDAPConnection conn, LdapUser user) throws LDAPException {
        NewUserGroupRule rule = settings.newUserGroup();
        if (rule instanceof NewUserGroupRule.Named n) {
            return List.of(n.group());
        }
        if (rule instanceof NewUserGroupRule.OrgUnit) {
            for (RDN rdn : new DN(user.dn()).getRDNs()) {
                for (int i = 0; i < rdn.getAttributeNames().length; i++) {
                    if (rdn.getAttributeNames()[i].equalsIgnoreCase("ou")) {
                        return List.of(rdn.getAttributeValues()[i]);
                    }
                }
            }
            return List.of();
        }
        if (rule instanceof NewUserGroupRule.Attribute a) {
            return attributeGroups(conn, user, a);
        }
        if (rule instanceof NewUserGroupRule.Query q) {
            return queryGroups(conn, user, q.filter(), "");
        }
        NewUserGroupRule.Host h = (NewUserGroupRule.Host) rule;
        return List.copyOf(mappers.get(h.name()).groups(user));
    }

    private List<String> attributeGroups(LDAPConnection conn, LdapUser user, NewUserGroupRule.Attribute rule)
            throws LDAPException {
        List<String> values = user.attributes().get(rule.attribute().toLowerCase(Locale.ROOT));
        if (values == null) {
            throw new ValidationException("LDAP user " + user.dn() + " has no attribute " + rule.attribute()
                    + " named by omero.ldap.new_user_group");
        }
        Set<String> allowed = null;
        if (rule.filtered()) {
            allowed = new LinkedHashSet<>(groupNames(search(conn,
                    LdapFilters.checkSyntax(settings.groupFilter(), "omero.ldap.group_filter"))));
        }
        Set<String> names = new LinkedHashSet<>();
        for (String value : values) {
            String name = rule.dn() ? nameFromDn(value) : value;
            if (name == null || (allowed != null && !allowed.contains(name))) {
                continue;
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    private String nameFromDn(String value) throws LDAPException {
        for (RDN rdn : new DN(value).getRDNs()) {
            for (int i = 0; i < rdn.getAttributeNames().length; i++) {
                if (rdn.getAttributeNames()[i].equalsIgnoreCase(settings.groupNameAttribute())) {
                    return rdn.getAttributeValues()[i];
                }
            }
        }
        return null;
    }

    private List<String> ownedGroups(LDAPConnection conn, LdapUser user) throws LDAPException {
        // OMERO applies new_user_group_owner only with the :query: form
        if (settings.newUserGroupOwner().isEmpty() || !(settings.newUserGroup() instanceof NewUserGroupRule.Query q)) {
            return List.of();
        }
        return queryGroups(conn, user, q.filter(), settings.newUserGroupOwner());
    }

    private List<String> queryGroups(LDAPConnection conn, LdapUser user, String query, String ownerQuery)
            throws LDAPException {
        List<Filter> parts = new ArrayList<>();
        parts.add(LdapFilters.checkSyntax(settings.groupFilter(), "omero.ldap.group_filter"));
        parts.add(LdapFilters.checkSyntax(LdapFilters.substitute(query, user.dn(), user.attributes(),
                "omero.ldap.new_user_group"), "omero.ldap.new_user_group"));
        if (!ownerQuery.isEmpty()) {
            parts.add(LdapFilters.checkSyntax(LdapFilters.substitute(ownerQuery, user.dn(), user.attributes(),
                    "omero.ldap.new_user_group_owner"), "omero.ldap.new_user_group_owner"));
        }
        return groupNames(search(conn, Filter.createANDFilter(parts)));
    }

    private List<String> groupNames(SearchResult result) {
        Set<String> names = new LinkedHashSet<>();
        for (SearchResultEntry e : result.getSearchEntries()) {
            String name = e.getAttributeValue(settings.groupNameAttribute());
            if (name != null) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    private SearchResult search(LDAPConnection conn, Filter filter) throws LDAPException {
        SearchResult result;
        try {
            result = conn.search(settings.base(), SearchScope.SUB, filter, "*");
        } catch (LDAPSearchException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return e.getSearchResult();
            }
            throw e;
        }
        if (settings.referral() == LdapSettings.Referral.THROW && result.getReferenceCount() > 0) {
            throw new OmeroException("LDAP search under " + settings.base() + " returned "
                    + result.getReferenceCount() + " referral(s) and omero.ldap.referral=throw");
        }
        return result;
    }

    private LDAPConnection connect() throws LDAPException {
        LDAPConnection conn = servers.getConnection();
        if (!settings.bindDn().isEmpty()) {
            try {
                conn.bind(settings.bindDn(), settings.bindPassword());
            } catch (LDAPException e) {
                conn.close();
                throw new OmeroException("LDAP refused the search bind as \"" + settings.bindDn()
                        + "\" (omero.ldap.username / omero.ldap.password): " + e.getResultCode(), e);
            }
        }
        return conn;
    }

    private LDAPConnectionOptions options() {
        LDAPConnectionOptions o = new LDAPConnectionOptions();
        o.setConnectTimeoutMillis((int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()));
        o.setResponseTimeoutMillis(settings.readTimeout().toMillis());
        o.setFollowReferrals(settings.referral() == LdapSettings.Referral.FOLLOW);
        return o;
    }

    private FailoverServerSet serverSet(LdapSettings s) {
        int n = s.urls().size();
        String[] hosts = new String[n];
        int[] ports = new int[n];
        boolean ssl = false;
        for (int i = 0; i < n; i++) {
            URI uri = URI.create(s.urls().get(i).trim());
            boolean secure = "ldaps".equalsIgnoreCase(uri.getScheme());
            if (i > 0 && secure != ssl) {
                throw new ValidationException("omero.ldap.urls mixes ldap:// and ldaps://; use one scheme");
            }
            ssl = secure;
            if (uri.getHost() == null) {
                throw new ValidationException("omero.ldap.urls has \"" + s.urls().get(i) + "\" without a host");
            }
            hosts[i] = uri.getHost();
            ports[i] = uri.getPort() > 0 ? uri.getPort() : secure ? 636 : 389;
        }
        SocketFactory factory = ssl ? SSLSocketFactory.getDefault() : SocketFactory.getDefault();
        return new FailoverServerSet(hosts, ports, factory, options());
    }

    private OmeroException failure(String what, LDAPException e) {
        if (e.getResultCode() == ResultCode.CONNECT_ERROR || e.getResultCode() == ResultCode.SERVER_DOWN
                || e.getResultCode() == ResultCode.TIMEOUT) {
            return new OmeroException("LDAP server " + settings.urls() + " cannot be reached while " + what
                    + ": " + e.getResultCode() + " (omero.ldap.urls, omero.ldap.connect_timeout)", e);
        }
        return new OmeroException("LDAP error while " + what + ": " + e.getResultCode() + " "
                + e.getDiagnosticMessage(), e);
    }
}
