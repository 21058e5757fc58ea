package org.omerosdk.model.config;

import static org.omerosdk.model.config.ConfigKey.Kind.BOOLEAN;
import static org.omerosdk.model.config.ConfigKey.Kind.INT;
import static org.omerosdk.model.config.ConfigKey.Kind.LIST;
import static org.omerosdk.model.config.ConfigKey.Kind.LONG;
import static org.omerosdk.model.config.ConfigKey.Kind.PATH;
import static org.omerosdk.model.config.ConfigKey.Kind.STRING;

/**
 * Every configuration key the SDK reads, with OMERO's names and defaults (OMERO's configuration glossary).
 * This class is the one place that lists them.
 */
public final class ConfigKeys {
    private ConfigKeys() {
    }

    // --- binary repository -------------------------------------------------------------------------------
    public static final ConfigKey DATA_DIR = new ConfigKey("omero.data.dir", "/OMERO/",
            "Where the binary repository lives; the embedded SDK sets it to its data directory.", PATH);
    public static final ConfigKey MANAGED_DIR = new ConfigKey("omero.managed.dir", "${omero.data.dir}/ManagedRepository",
            "Where imported files are stored (the managed repository).", PATH);
    public static final ConfigKey FS_REPO_PATH = new ConfigKey("omero.fs.repo.path",
            "%user%_%userId%//%year%-%month%/%day%/%time%",
            "Template for managed-repository paths; '//' separates root-owned from user-owned directories.", STRING);
    public static final ConfigKey FS_REPO_PATH_RULES = new ConfigKey("omero.fs.repo.path_rules",
            "Windows required, UNIX required",
            "Rule sets that client file names must satisfy in the managed repository.", LIST);
    public static final ConfigKey CHECKSUM_SUPPORTED = new ConfigKey("omero.checksum.supported",
            "SHA1-160, MD5-128, Murmur3-128, Murmur3-32, CRC-32, Adler-32, File-Size-64",
            "Checksum algorithms for new uploads, in descending order of preference.", LIST);
    public static final ConfigKey CLUSTER_READ_ONLY = new ConfigKey("omero.cluster.read_only", "false",
            "Whether the database and repository are both read-only.", BOOLEAN);
    public static final ConfigKey CLUSTER_READ_ONLY_DB = new ConfigKey("omero.cluster.read_only.db", "false",
            "Whether the database is read-only.", BOOLEAN);
    public static final ConfigKey CLUSTER_READ_ONLY_REPO = new ConfigKey("omero.cluster.read_only.repo", "false",
            "Whether the binary repository is read-only.", BOOLEAN);
    public static final ConfigKey POLICY_BINARY_ACCESS = new ConfigKey("omero.policy.binary_access",
            "+read, +write, +image",
            "Who may download original files: +/-read, +/-write, +/-image, +/-plate; groups may restrict further.", LIST);

    // --- pixel data --------------------------------------------------------------------------------------
    public static final ConfigKey PIXELDATA_TILE_WIDTH = new ConfigKey("omero.pixeldata.tile_width", "256",
            "Width of pyramid tiles.", INT);
    public static final ConfigKey PIXELDATA_TILE_HEIGHT = new ConfigKey("omero.pixeldata.tile_height", "256",
            "Height of pyramid tiles.", INT);
    public static final ConfigKey PIXELDATA_MAX_PLANE_WIDTH = new ConfigKey("omero.pixeldata.max_plane_width", "3192",
            "Planes wider than this (with the height test) get a pyramid.", INT);
    public static final ConfigKey PIXELDATA_MAX_PLANE_HEIGHT = new ConfigKey("omero.pixeldata.max_plane_height", "3192",
            "Planes taller than this (with the width test) get a pyramid.", INT);
    public static final ConfigKey PIXELDATA_MAX_PLANE_FLOAT_OVERRIDE = new ConfigKey(
            "omero.pixeldata.max_plane_float_override", "true",
            "Whether floating-point images are exempt from pyramid generation.", BOOLEAN);
    public static final ConfigKey PIXELDATA_THREADS = new ConfigKey("omero.pixeldata.threads", "2",
            "Threads used to build pyramids.", INT);
    public static final ConfigKey PIXELDATA_MAX_PROJECTION_BYTES = new ConfigKey(
            "omero.pixeldata.max_projection_bytes", "268435456",
            "Largest stack (in bytes) a projection may read.", LONG);
    public static final ConfigKey CLIENT_THUMB_DEFAULT_SIZE = new ConfigKey(
            "omero.client.browser.thumb_default_size", "96",
            "Longest side of a thumbnail when no size is asked for.", INT);

    // --- database ----------------------------------------------------------------------------------------
    public static final ConfigKey DB_HOST = new ConfigKey("omero.db.host", "",
            "PostgreSQL host; empty selects the embedded H2 database.", STRING);
    public static final ConfigKey DB_NAME = new ConfigKey("omero.db.name", "omero", "PostgreSQL database name.", STRING);
    public static final ConfigKey DB_USER = new ConfigKey("omero.db.user", "omero", "PostgreSQL user.", STRING);
    public static final ConfigKey DB_PASS = new ConfigKey("omero.db.pass", "omero", "PostgreSQL password.", STRING);
    public static final ConfigKey DB_PORT = new ConfigKey("omero.db.port", "5432", "PostgreSQL port.", INT);
    public static final ConfigKey DB_URL = new ConfigKey("omero.db.url", "",
            "Full JDBC URL; overrides host, port and name when set.", STRING);
    public static final ConfigKey DB_POOLSIZE = new ConfigKey("omero.db.poolsize", "10",
            "Connections in the database pool.", INT);

    // --- sessions ----------------------------------------------------------------------------------------
    public static final ConfigKey SESSIONS_TIMEOUT = new ConfigKey("omero.sessions.timeout", "600000",
            "Milliseconds a session may stay idle before it expires.", LONG);

    // --- LDAP (omero-permissions, org.omerosdk.permissions.ldap) -----------------------------------------
    public static final ConfigKey LDAP_CONFIG = new ConfigKey("omero.ldap.config", "false",
            "Whether LDAP authentication is enabled.", BOOLEAN);
    public static final ConfigKey LDAP_URLS = new ConfigKey("omero.ldap.urls", "ldap://localhost:389",
            "LDAP server URL(s), space- or comma-separated; ldaps:// for SSL.", STRING);
    public static final ConfigKey LDAP_BASE = new ConfigKey("omero.ldap.base", "ou=example, o=com",
            "Base DN under which users and groups are searched.", STRING);
    public static final ConfigKey LDAP_USERNAME = new ConfigKey("omero.ldap.username", "",
            "Bind DN for searches (empty: anonymous).", STRING);
    public static final ConfigKey LDAP_PASSWORD = new ConfigKey("omero.ldap.password", "",
            "Bind password for searches.", STRING);
    public static final ConfigKey LDAP_USER_FILTER = new ConfigKey("omero.ldap.user_filter", "(objectClass=person)",
            "Filter an LDAP entry must pass to be an OMERO user.", STRING);
    public static final ConfigKey LDAP_USER_MAPPING = new ConfigKey("omero.ldap.user_mapping",
            "omeName=cn, firstName=givenName, lastName=sn, email=mail, institution=department, middleName=middleName",
            "Which LDAP attribute gives each experimenter field.", LIST);
    public static final ConfigKey LDAP_GROUP_FILTER = new ConfigKey("omero.ldap.group_filter", "(objectClass=groupOfNames)",
            "Filter an LDAP entry must pass to be an OMERO group.", STRING);
    public static final ConfigKey LDAP_GROUP_MAPPING = new ConfigKey("omero.ldap.group_mapping", "name=cn",
            "Which LDAP attribute gives the group name.", LIST);
    public static final ConfigKey LDAP_NEW_USER_GROUP = new ConfigKey("omero.ldap.new_user_group", "default",
            "Group(s) a new LDAP user joins: a name, or :ou:, :attribute:, :filtered_attribute:, :dn_attribute:, "
                    + ":filtered_dn_attribute:, :query:, :bean:.", STRING);
    public static final ConfigKey LDAP_NEW_USER_GROUP_OWNER = new ConfigKey("omero.ldap.new_user_group_owner", "",
            "Filter ANDed to the group query to decide which groups the new user owns.", STRING);
    public static final ConfigKey LDAP_SYNC_ON_LOGIN = new ConfigKey("omero.ldap.sync_on_login", "false",
            "Whether LDAP attributes and groups are copied to OMERO at every login.", BOOLEAN);
    public static final ConfigKey LDAP_CONNECT_TIMEOUT = new ConfigKey("omero.ldap.connect_timeout", "5000",
            "Milliseconds to wait for an LDAP connection; <= 0 waits forever.", INT);
    public static final ConfigKey LDAP_READ_TIMEOUT = new ConfigKey("omero.ldap.read_timeout", "5000",
            "Milliseconds to wait for an LDAP response; <= 0 waits forever.", INT);
    public static final ConfigKey LDAP_REFERRAL = new ConfigKey("omero.ldap.referral", "ignore",
            "What to do with LDAP referrals: ignore, follow or throw.", STRING);
}
