package org.omerosdk.model.config;

import static org.omerosdk.model.config.ConfigKey.Kind.BOOLEAN;
import static org.omerosdk.model.config.ConfigKey.Kind.INT;
import static org.omerosdk.model.config.ConfigKey.Kind.JSON;
import static org.omerosdk.model.config.ConfigKey.Kind.LIST;
import static org.omerosdk.model.config.ConfigKey.Kind.LONG;
import static org.omerosdk.model.config.ConfigKey.Kind.PATH;
import static org.omerosdk.model.config.ConfigKey.Kind.STRING;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every configuration key, with OMERO's names and defaults (OMERO's configuration glossary and the OMERO.web
 * configuration page). This class is the one place that lists them: {@link #all()} in declaration order,
 * {@link #byName(String)} for lookup. Defaults may refer to other keys as {@code ${omero.data.dir}};
 * {@link OmeroConfig#get(ConfigKey)} resolves such references.
 */
public final class ConfigKeys {
    // Filled by key(...) while the constants below initialise; declared first so that it exists by then.
    private static final Map<String, ConfigKey> BY_NAME = new LinkedHashMap<>();

    private ConfigKeys() {
    }

    private static ConfigKey key(String name, String defaultValue, String description, ConfigKey.Kind kind) {
        ConfigKey k = new ConfigKey(name, defaultValue, description, kind);
        if (BY_NAME.putIfAbsent(name, k) != null) {
            throw new IllegalStateException("config key declared twice: " + name);
        }
        return k;
    }

    /** Every declared key, in declaration order (grouped by section). */
    public static List<ConfigKey> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** The declared key with this OMERO name, if any. */
    public static Optional<ConfigKey> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    // --- omero.data.* ----------------------------------------------------------------------------
    /** Where the binary repository lives; the embedded SDK sets it to its data directory. */
    public static final ConfigKey DATA_DIR = key("omero.data.dir", "/OMERO/",
            "Where the binary repository lives; the embedded SDK sets it to its data directory.", PATH);

    // --- omero.managed.* -------------------------------------------------------------------------
    /** Where imported files are stored (the managed repository). */
    public static final ConfigKey MANAGED_DIR = key("omero.managed.dir", "${omero.data.dir}/ManagedRepository",
            "Where imported files are stored (the managed repository).", PATH);

    // --- omero.fs.* ------------------------------------------------------------------------------
    /** Template for managed-repository paths; '//' separates root-owned from user-owned directories. */
    public static final ConfigKey FS_REPO_PATH = key("omero.fs.repo.path", "%user%_%userId%//%year%-%month%/%day%/%time%",
            "Template for managed-repository paths; '//' separates root-owned from user-owned directories.", STRING);
    /** Rule sets that client file names must satisfy in the managed repository. */
    public static final ConfigKey FS_REPO_PATH_RULES = key("omero.fs.repo.path_rules", "Windows required, UNIX required",
            "Rule sets that client file names must satisfy in the managed repository.", LIST);

    // --- omero.checksum.* ------------------------------------------------------------------------
    /** Checksum algorithms for new uploads, in descending order of preference. */
    public static final ConfigKey CHECKSUM_SUPPORTED = key("omero.checksum.supported", "SHA1-160, MD5-128, Murmur3-128, Murmur3-32, CRC-32, Adler-32, File-Size-64",
            "Checksum algorithms for new uploads, in descending order of preference.", LIST);

    // --- omero.cluster.* -------------------------------------------------------------------------
    /** Whether the database and repository are both read-only. */
    public static final ConfigKey CLUSTER_READ_ONLY = key("omero.cluster.read_only", "false",
            "Whether the database and repository are both read-only.", BOOLEAN);
    /** Whether the database is read-only. */
    public static final ConfigKey CLUSTER_READ_ONLY_DB = key("omero.cluster.read_only.db", "false",
            "Whether the database is read-only.", BOOLEAN);
    /** Whether the binary repository is read-only. */
    public static final ConfigKey CLUSTER_READ_ONLY_REPO = key("omero.cluster.read_only.repo", "false",
            "Whether the binary repository is read-only.", BOOLEAN);
    /** Server-side bean that redirects sessions between cluster nodes. */
    public static final ConfigKey CLUSTER_REDIRECTOR = key("omero.cluster.redirector", "nullRedirector",
            "Server-side bean that redirects sessions between cluster nodes.", STRING);

    // --- omero.policy.* --------------------------------------------------------------------------
    /** Instance of the PolicyService interface which will be responsible for checking certain server actions made by a user. */
    public static final ConfigKey POLICY_BEAN = key("omero.policy.bean", "defaultPolicyService",
            "Instance of the PolicyService interface which will be responsible for checking certain server actions made by a user.", STRING);
    /** Who may download original files: +/-read, +/-write, +/-image, +/-plate; groups may restrict further. */
    public static final ConfigKey POLICY_BINARY_ACCESS = key("omero.policy.binary_access", "+read, +write, +image",
            "Who may download original files: +/-read, +/-write, +/-image, +/-plate; groups may restrict further.", LIST);

    // --- omero.pixeldata.* -----------------------------------------------------------------------
    /** Name of the spring bean which will be used to calculate the backoff (in ms) that users should wait for an image to... */
    public static final ConfigKey PIXELDATA_BACKOFF = key("omero.pixeldata.backoff", "",
            "Name of the spring bean which will be used to calculate the backoff (in ms) that users should wait for an image to...", STRING);
    /** A default value for the backoff time. */
    public static final ConfigKey PIXELDATA_BACKOFF_DEFAULT = key("omero.pixeldata.backoff.default", "1000",
            "A default value for the backoff time.", LONG);
    /** The maximum number of pixels (in any dimension), if exceeded the default value will be used. */
    public static final ConfigKey PIXELDATA_BACKOFF_MAXPIXELS = key("omero.pixeldata.backoff.maxpixels", "1000000",
            "The maximum number of pixels (in any dimension), if exceeded the default value will be used.", LONG);
    /** Number of instances indexed per indexing. */
    public static final ConfigKey PIXELDATA_BATCH = key("omero.pixeldata.batch", "50",
            "Number of instances indexed per indexing.", INT);
    /** Polling frequency of the pixeldata processing. */
    public static final ConfigKey PIXELDATA_CRON = key("omero.pixeldata.cron", "*/4 * * * * ?",
            "Polling frequency of the pixeldata processing.", STRING);
    /** Whether the PixelData.dispose() method should try to clean up ByteBuffer instances which may lead to memory exceptions. */
    public static final ConfigKey PIXELDATA_DISPOSE = key("omero.pixeldata.dispose", "true",
            "Whether the PixelData.dispose() method should try to clean up ByteBuffer instances which may lead to memory exceptions.", BOOLEAN);
    /** EventLogLoader that will be used for loading EventLogs for the action "PIXELDATA". */
    public static final ConfigKey PIXELDATA_EVENT_LOG_LOADER = key("omero.pixeldata.event_log_loader", "pixelDataEventLogQueue",
            "EventLogLoader that will be used for loading EventLogs for the action \"PIXELDATA\".", STRING);
    /** Whether floating-point images are exempt from pyramid generation. */
    public static final ConfigKey PIXELDATA_MAX_PLANE_FLOAT_OVERRIDE = key("omero.pixeldata.max_plane_float_override", "true",
            "Whether floating-point images are exempt from pyramid generation.", BOOLEAN);
    /** Planes taller than this (with the width test) get a pyramid. */
    public static final ConfigKey PIXELDATA_MAX_PLANE_HEIGHT = key("omero.pixeldata.max_plane_height", "3192",
            "Planes taller than this (with the width test) get a pyramid.", INT);
    /** Planes wider than this (with the height test) get a pyramid. */
    public static final ConfigKey PIXELDATA_MAX_PLANE_WIDTH = key("omero.pixeldata.max_plane_width", "3192",
            "Planes wider than this (with the height test) get a pyramid.", INT);
    /** Largest stack (in bytes) a projection may read. */
    public static final ConfigKey PIXELDATA_MAX_PROJECTION_BYTES = key("omero.pixeldata.max_projection_bytes", "268435456",
            "Largest stack (in bytes) a projection may read.", LONG);
    /** The directory in which Bio-Formats may create memo files for images from the managed repository. */
    public static final ConfigKey PIXELDATA_MEMOIZER_DIR = key("omero.pixeldata.memoizer.dir", "${omero.data.dir}/BioFormatsCache",
            "The directory in which Bio-Formats may create memo files for images from the managed repository.", PATH);
    /** For read-only servers set this to a local read-write directory so that memo files can be created and used. */
    public static final ConfigKey PIXELDATA_MEMOIZER_DIR_LOCAL = key("omero.pixeldata.memoizer.dir.local", "",
            "For read-only servers set this to a local read-write directory so that memo files can be created and used.", PATH);
    /** Maximum time in milliseconds that file parsing can take without the parsed metadata being cached to... */
    public static final ConfigKey PIXELDATA_MEMOIZER_WAIT = key("omero.pixeldata.memoizer_wait", "0",
            "Maximum time in milliseconds that file parsing can take without the parsed metadata being cached to...", INT);
    /** Instead, it is possible to tell the server to run more pixeldata repetitions, each of which gets completely... */
    public static final ConfigKey PIXELDATA_REPETITIONS = key("omero.pixeldata.repetitions", "1",
            "Instead, it is possible to tell the server to run more pixeldata repetitions, each of which gets completely...", INT);
    /** Threads used to build pyramids. */
    public static final ConfigKey PIXELDATA_THREADS = key("omero.pixeldata.threads", "2",
            "Threads used to build pyramids.", INT);
    /** Height of pyramid tiles. */
    public static final ConfigKey PIXELDATA_TILE_HEIGHT = key("omero.pixeldata.tile_height", "256",
            "Height of pyramid tiles.", INT);
    /** Default sizes for tiles are provided by a implementation. */
    public static final ConfigKey PIXELDATA_TILE_SIZES_BEAN = key("omero.pixeldata.tile_sizes_bean", "configuredTileSizes",
            "Default sizes for tiles are provided by a implementation.", STRING);
    /** Width of pyramid tiles. */
    public static final ConfigKey PIXELDATA_TILE_WIDTH = key("omero.pixeldata.tile_width", "256",
            "Width of pyramid tiles.", INT);

    // --- omero.client.* --------------------------------------------------------------------------
    /** Longest side of a thumbnail when no size is asked for. */
    public static final ConfigKey CLIENT_THUMB_DEFAULT_SIZE = key("omero.client.browser.thumb_default_size", "96",
            "Longest side of a thumbnail when no size is asked for.", INT);
    /** Clients disable download as jpg/png/tiff above max pixel count. */
    public static final ConfigKey CLIENT_DOWNLOAD_AS_MAX_SIZE = key("omero.client.download_as.max_size", "144000000",
            "Clients disable download as jpg/png/tiff above max pixel count.", LONG);
    /** Comma separated list of Ice transports available to clients. */
    public static final ConfigKey CLIENT_ICETRANSPORTS = key("omero.client.icetransports", "ssl, tcp",
            "Comma separated list of Ice transports available to clients.", LIST);
    /** Server-side scripts used in IScript service Clients shouldn't display. */
    public static final ConfigKey CLIENT_SCRIPTS_TO_IGNORE = key("omero.client.scripts_to_ignore", "/omero/figure_scripts/, /omero/figure_scripts/, /omero/figure_scripts/, /omero/figure_scripts/, /omero/export_scripts/, /omero/import_scripts/",
            "Server-side scripts used in IScript service Clients shouldn't display.", LIST);
    /** Description of the "Orphaned images" container. */
    public static final ConfigKey CLIENT_UI_TREE_ORPHANS_DESCRIPTION = key("omero.client.ui.tree.orphans.description", "This is a virtual container with orphaned images. These images are not linked anywhere. Just drag them to the selected container.",
            "Description of the \"Orphaned images\" container.", STRING);
    /** Flag to show/hide "Orphaned images" container. */
    public static final ConfigKey CLIENT_UI_TREE_ORPHANS_ENABLED = key("omero.client.ui.tree.orphans.enabled", "true",
            "Flag to show/hide \"Orphaned images\" container.", BOOLEAN);
    /** Name of the "Orphaned images" container located in client tree data manager. */
    public static final ConfigKey CLIENT_UI_TREE_ORPHANS_NAME = key("omero.client.ui.tree.orphans.name", "Orphaned Images",
            "Name of the \"Orphaned images\" container located in client tree data manager.", STRING);
    /** Client tree type order rank list first type is ranked 1 (the highest), last is the lowest if set to 'false' empty... */
    public static final ConfigKey CLIENT_UI_TREE_TYPE_ORDER = key("omero.client.ui.tree.type_order", "tagset, tag, project, dataset, screen, plate, acquisition, image",
            "Client tree type order rank list first type is ranked 1 (the highest), last is the lowest if set to 'false' empty...", LIST);
    /** Initial client image viewer zoom level for big images. */
    public static final ConfigKey CLIENT_VIEWER_INITIAL_ZOOM_LEVEL = key("omero.client.viewer.initial_zoom_level", "0",
            "Initial client image viewer zoom level for big images.", INT);
    /** Client viewers interpolate pixels by default. */
    public static final ConfigKey CLIENT_VIEWER_INTERPOLATE_PIXELS = key("omero.client.viewer.interpolate_pixels", "true",
            "Client viewers interpolate pixels by default.", BOOLEAN);
    /** Client viewers roi limit. */
    public static final ConfigKey CLIENT_VIEWER_ROI_LIMIT = key("omero.client.viewer.roi_limit", "2000",
            "Client viewers roi limit.", INT);

    // --- omero.db.* ------------------------------------------------------------------------------
    /** The string that will be used as the base for LSIDs in all exported OME objects including OME-XML and OME-TIFF. */
    public static final ConfigKey DB_AUTHORITY = key("omero.db.authority", "",
            "The string that will be used as the base for LSIDs in all exported OME objects including OME-XML and OME-TIFF.", STRING);
    /** Implementation of the org.hibernate.dialect.Dialect interface which will be used to convert HQL queries and save... */
    public static final ConfigKey DB_DIALECT = key("omero.db.dialect", "ome.util.PostgresqlDialect",
            "Implementation of the org.hibernate.dialect.Dialect interface which will be used to convert HQL queries and save...", STRING);
    /** JDBC driver used to access the database. */
    public static final ConfigKey DB_DRIVER = key("omero.db.driver", "org.postgresql.Driver",
            "JDBC driver used to access the database.", STRING);
    /** PostgreSQL password. */
    public static final ConfigKey DB_PASS = key("omero.db.pass", "omero",
            "PostgreSQL password.", STRING);
    /** The patch version of the database which is in use. */
    public static final ConfigKey DB_PATCH = key("omero.db.patch", "0",
            "The patch version of the database which is in use.", INT);
    /** Connections in the database pool. */
    public static final ConfigKey DB_POOLSIZE = key("omero.db.poolsize", "10",
            "Connections in the database pool.", INT);
    /** PostgreSQL port. */
    public static final ConfigKey DB_PORT = key("omero.db.port", "5432",
            "PostgreSQL port.", INT);
    /** Prepared statements cached per database connection. */
    public static final ConfigKey DB_PREPARED_STATEMENT_CACHE_SIZE = key("omero.db.prepared_statement_cache_size", "10",
            "Prepared statements cached per database connection.", INT);
    /** Default values for the current profile will be hard-coded into the file in the model-*.jar. */
    public static final ConfigKey DB_PROFILE = key("omero.db.profile", "psql",
            "Default values for the current profile will be hard-coded into the file in the model-*.jar.", STRING);
    /** Implementation of the ome.util.SqlAction interface which will be used to perform all direct SQL actions, i.e. */
    public static final ConfigKey DB_SQL_ACTION_CLASS = key("omero.db.sql_action_class", "ome.util.actions.PostgresSqlAction",
            "Implementation of the ome.util.SqlAction interface which will be used to perform all direct SQL actions, i.e.", STRING);
    /** Whether JMX statistics are collected for DB usage (by Hibernate, etc). */
    public static final ConfigKey DB_STATISTICS = key("omero.db.statistics", "true",
            "Whether JMX statistics are collected for DB usage (by Hibernate, etc).", BOOLEAN);
    /** Full JDBC URL; overrides host, port and name when set. */
    public static final ConfigKey DB_URL = key("omero.db.url", "",
            "Full JDBC URL; overrides host, port and name when set.", STRING);
    /** PostgreSQL user. */
    public static final ConfigKey DB_USER = key("omero.db.user", "omero",
            "PostgreSQL user.", STRING);
    /** Version of the database which is in use. */
    public static final ConfigKey DB_VERSION = key("omero.db.version", "OMERO5.4",
            "Version of the database which is in use.", STRING);
    /** PostgreSQL host; empty selects the embedded H2 database. */
    public static final ConfigKey DB_HOST = key("omero.db.host", "",
            "PostgreSQL host; empty selects the embedded H2 database.", STRING);
    /** PostgreSQL database name. */
    public static final ConfigKey DB_NAME = key("omero.db.name", "omero",
            "PostgreSQL database name.", STRING);

    // --- omero.security.* ------------------------------------------------------------------------
    /**
     * Which password providers check logins, in order: {@code chainedPasswordProvider} (the host's providers, LDAP
     * when {@code omero.ldap.config} is true, then the internal table), {@code jdbcPasswordProvider} (internal
     * only), {@code ldapPasswordProvider} (LDAP only), the name of a host's password provider
     * ({@code OmeroSdk.Builder.passwordProvider}), or a comma-separated chain of these.
     */
    public static final ConfigKey SECURITY_PASSWORD_PROVIDER = key("omero.security.password_provider",
            "chainedPasswordProvider", "Which password providers check logins, in order.", STRING);
    /** Whether every user needs a non-empty password. */
    public static final ConfigKey SECURITY_PASSWORD_REQUIRED = key("omero.security.password_required", "true",
            "Whether every user needs a non-empty password.", BOOLEAN);
    /** Whether user names are matched without regard to case at login. */
    public static final ConfigKey SECURITY_IGNORE_CASE = key("omero.security.ignore_case", "false",
            "Whether user names are matched without regard to case at login.", BOOLEAN);
    /**
     * How many consecutive failed logins of one user name (or from one client address) pass before each further
     * failure is delayed by {@code omero.security.login_failure_throttle_time}.
     */
    public static final ConfigKey SECURITY_LOGIN_FAILURE_THROTTLE_COUNT = key(
            "omero.security.login_failure_throttle_count", "1",
            "Number of failed login attempts before throttling begins.", INT);
    /**
     * Milliseconds each throttled failed login is delayed before it is answered; 0 turns throttling off. OMERO's
     * server defaults to 3000; the SDK defaults to 0 (off), since an embedded library's host decides how logins
     * reach it.
     */
    public static final ConfigKey SECURITY_LOGIN_FAILURE_THROTTLE_TIME = key(
            "omero.security.login_failure_throttle_time", "0",
            "Milliseconds a throttled failed login is delayed (0: off; OMERO's server uses 3000).", LONG);

    // --- omero.sdk.* (ours, not OMERO's) ---------------------------------------------------------
    /**
     * Whether the public user ({@code omero.web.public.user}) sees annotations (tags, comments, key-value pairs,
     * files). OMERO.web's public pages publish acquisition metadata and ROIs; annotations stay private unless this
     * is true.
     */
    public static final ConfigKey SDK_PUBLIC_ANNOTATIONS = key("omero.sdk.public.annotations", "false",
            "Whether the public user sees annotations (an omero-sdk key).", BOOLEAN);

    /**
     * The most bytes one region read, render or projection may hold in memory at once (an omero-sdk key):
     * sizes declared by a request or a file are checked against it before anything is allocated.
     */
    public static final ConfigKey SDK_PIXELDATA_MAX_BYTES = key("omero.sdk.pixeldata.max_bytes", "536870912",
            "The most bytes one region read, render or projection may hold in memory at once "
                    + "(an omero-sdk key); checked before allocating.", LONG);

    /**
     * Mebibytes of encoded tiles the web gateway keeps (an omero-sdk key; 0: none). A tile is found again only for
     * the same image, region, plane, format, quality and exactly the same rendering settings, after the request's
     * own visibility check and settings read, so a change of settings or permissions takes effect at once.
     */
    public static final ConfigKey SDK_WEB_TILE_CACHE_MB = key("omero.sdk.web.tile_cache_mb", "64",
            "Mebibytes of encoded tiles the web gateway keeps, found again only for the same image, region, format "
                    + "and rendering settings after each request's own permission check; 0: none (an omero-sdk key).",
            LONG);

    /**
     * Where the managed repository keeps its files when the builder is given no store (an omero-sdk key):
     * {@code filesystem} ({@code omero.managed.dir}), or the name of a store provider on the class path, such as
     * {@code s3} from the artifact {@code org.omerosdk:omero-s3} (configured by {@code omero.sdk.s3.*}).
     */
    public static final ConfigKey SDK_BINARY_STORE = key("omero.sdk.binary_store", "filesystem",
            "Where the managed repository keeps its files: filesystem (omero.managed.dir) or a store provider "
                    + "such as s3 (omero-s3, configured by omero.sdk.s3.*) (an omero-sdk key).", STRING);
    /** The bucket of {@code omero.sdk.binary_store=s3}. */
    public static final ConfigKey SDK_S3_BUCKET = key("omero.sdk.s3.bucket", "",
            "The bucket of omero.sdk.binary_store=s3 (an omero-sdk key).", STRING);
    /** The endpoint of an S3-compatible server (MinIO, Ceph, s3proxy); empty for AWS. */
    public static final ConfigKey SDK_S3_ENDPOINT = key("omero.sdk.s3.endpoint", "",
            "The endpoint URL of an S3-compatible server; empty for AWS (an omero-sdk key).", STRING);
    /** The region; S3-compatible servers usually accept any. */
    public static final ConfigKey SDK_S3_REGION = key("omero.sdk.s3.region", "us-east-1",
            "The S3 region (an omero-sdk key).", STRING);
    /** Keys are stored below this prefix of the bucket (no leading or trailing {@code /}). */
    public static final ConfigKey SDK_S3_PREFIX = key("omero.sdk.s3.prefix", "",
            "Keys are stored below this prefix of the bucket (an omero-sdk key).", STRING);
    /** The access key; empty uses the AWS SDK's default credentials (environment, profile, instance role). */
    public static final ConfigKey SDK_S3_ACCESS_KEY = key("omero.sdk.s3.access_key", "",
            "The S3 access key; empty: the AWS SDK's default credentials chain (an omero-sdk key).", STRING);
    /** The secret key that goes with {@code omero.sdk.s3.access_key}. */
    public static final ConfigKey SDK_S3_SECRET_KEY = key("omero.sdk.s3.secret_key", "",
            "The S3 secret key that goes with omero.sdk.s3.access_key (an omero-sdk key).", STRING);
    /** Path-style URLs ({@code endpoint/bucket/key}), which most S3-compatible servers need. */
    public static final ConfigKey SDK_S3_PATH_STYLE = key("omero.sdk.s3.path_style", "true",
            "Path-style URLs (endpoint/bucket/key), which most S3-compatible servers need (an omero-sdk key).",
            BOOLEAN);

    // --- omero.sessions.* ------------------------------------------------------------------------
    /** Sets the maximum duration in milliseconds a user can request before a login is required due to inactivity. */
    public static final ConfigKey SESSIONS_MAX_USER_TIME_TO_IDLE = key("omero.sessions.max_user_time_to_idle", "6000000",
            "Sets the maximum duration in milliseconds a user can request before a login is required due to inactivity.", LONG);
    /** Sets the maximum duration in milliseconds a user can request before a login is required (0 signifies never). */
    public static final ConfigKey SESSIONS_MAX_USER_TIME_TO_LIVE = key("omero.sessions.max_user_time_to_live", "0",
            "Sets the maximum duration in milliseconds a user can request before a login is required (0 signifies never).", LONG);
    /** Sets the default duration before a login is required; 0 signifies never. */
    public static final ConfigKey SESSIONS_MAXIMUM = key("omero.sessions.maximum", "0",
            "Sets the default duration before a login is required; 0 signifies never.", LONG);
    /** Milliseconds after which session state is synchronised across the cluster regardless. */
    public static final ConfigKey SESSIONS_SYNC_FORCE = key("omero.sessions.sync_force", "1800000",
            "Milliseconds after which session state is synchronised across the cluster regardless.", LONG);
    /** Milliseconds between session synchronisations. */
    public static final ConfigKey SESSIONS_SYNC_INTERVAL = key("omero.sessions.sync_interval", "120000",
            "Milliseconds between session synchronisations.", LONG);
    /** Milliseconds a session may stay idle before it expires. */
    public static final ConfigKey SESSIONS_TIMEOUT = key("omero.sessions.timeout", "600000",
            "Milliseconds a session may stay idle before it expires.", LONG);

    // --- omero.ldap.* ----------------------------------------------------------------------------
    /** LDAP server base search DN, i.e. */
    public static final ConfigKey LDAP_BASE = key("omero.ldap.base", "ou=example, o=com",
            "LDAP server base search DN, i.e.", STRING);
    /** Enable or disable LDAP (true or false). */
    public static final ConfigKey LDAP_CONFIG = key("omero.ldap.config", "false",
            "Enable or disable LDAP (true or false).", BOOLEAN);
    /** Sets com.sun.jndi.ldap.connect.timeout on the Spring LDAP default security context source environment. */
    public static final ConfigKey LDAP_CONNECT_TIMEOUT = key("omero.ldap.connect_timeout", "5000",
            "Sets com.sun.jndi.ldap.connect.timeout on the Spring LDAP default security context source environment.", LONG);
    /** LDAP filter that selects group entries. */
    public static final ConfigKey LDAP_GROUP_FILTER = key("omero.ldap.group_filter", "(objectClass=groupOfNames)",
            "LDAP filter that selects group entries.", STRING);
    /** How LDAP group attributes map onto OMERO group fields. */
    public static final ConfigKey LDAP_GROUP_MAPPING = key("omero.ldap.group_mapping", "name=cn",
            "How LDAP group attributes map onto OMERO group fields.", STRING);
    /** Without a prefix the "new_user_group" property specifies the name of a single group which all new users will be... */
    public static final ConfigKey LDAP_NEW_USER_GROUP = key("omero.ldap.new_user_group", "default",
            "Without a prefix the \"new_user_group\" property specifies the name of a single group which all new users will be...", STRING);
    /** A query element to check if user who is being created via the new_user_group setting should be made a "manager", i.e. */
    public static final ConfigKey LDAP_NEW_USER_GROUP_OWNER = key("omero.ldap.new_user_group_owner", "",
            "A query element to check if user who is being created via the new_user_group setting should be made a \"manager\", i.e.", STRING);
    /** LDAP server bind password (if required; can be empty). */
    public static final ConfigKey LDAP_PASSWORD = key("omero.ldap.password", "",
            "LDAP server bind password (if required; can be empty).", STRING);
    /** Sets on the Spring LDAP default security context source environment. */
    public static final ConfigKey LDAP_READ_TIMEOUT = key("omero.ldap.read_timeout", "5000",
            "Sets on the Spring LDAP default security context source environment.", LONG);
    /** Available referral options are: "ignore", "follow", or "throw" as per the JNDI referral documentation. */
    public static final ConfigKey LDAP_REFERRAL = key("omero.ldap.referral", "ignore",
            "Available referral options are: \"ignore\", \"follow\", or \"throw\" as per the JNDI referral documentation.", STRING);
    /** Whether or not values from LDAP will be synchronized to OMERO on each login. */
    public static final ConfigKey LDAP_SYNC_ON_LOGIN = key("omero.ldap.sync_on_login", "false",
            "Whether or not values from LDAP will be synchronized to OMERO on each login.", BOOLEAN);
    /** Set the URL of the LDAP server. */
    public static final ConfigKey LDAP_URLS = key("omero.ldap.urls", "ldap://localhost:389",
            "Set the URL of the LDAP server.", STRING);
    /** LDAP filter that selects user entries. */
    public static final ConfigKey LDAP_USER_FILTER = key("omero.ldap.user_filter", "(objectClass=person)",
            "LDAP filter that selects user entries.", STRING);
    /** How LDAP user attributes map onto OMERO experimenter fields. */
    public static final ConfigKey LDAP_USER_MAPPING = key("omero.ldap.user_mapping", "omeName=cn, firstName=givenName, lastName=sn, email=mail, institution=department, middleName=middleName",
            "How LDAP user attributes map onto OMERO experimenter fields.", LIST);
    /** LDAP server bind DN (if required; can be empty). */
    public static final ConfigKey LDAP_USERNAME = key("omero.ldap.username", "",
            "LDAP server bind DN (if required; can be empty).", STRING);

    // --- omero.mail.* ----------------------------------------------------------------------------
    /** Mail sender properties. */
    public static final ConfigKey MAIL_BEAN = key("omero.mail.bean", "defaultMailSender",
            "Mail sender properties.", STRING);
    /** Enable or disable mail sender (true or false). */
    public static final ConfigKey MAIL_CONFIG = key("omero.mail.config", "false",
            "Enable or disable mail sender (true or false).", BOOLEAN);
    /** the email address used for the "from" field. */
    public static final ConfigKey MAIL_FROM = key("omero.mail.from", "omero@${omero.host}",
            "the email address used for the \"from\" field.", STRING);
    /** the password to connect to the smtp server (if required; can be empty). */
    public static final ConfigKey MAIL_PASSWORD = key("omero.mail.password", "",
            "the password to connect to the smtp server (if required; can be empty).", STRING);
    /** the port of smtp server. */
    public static final ConfigKey MAIL_PORT = key("omero.mail.port", "25",
            "the port of smtp server.", INT);
    /** see javax.mail.Session properties. */
    public static final ConfigKey MAIL_SMTP_AUTH = key("omero.mail.smtp.auth", "false",
            "see javax.mail.Session properties.", BOOLEAN);
    /** Milliseconds to wait for an SMTP connection. */
    public static final ConfigKey MAIL_SMTP_CONNECTIONTIMEOUT = key("omero.mail.smtp.connectiontimeout", "60000",
            "Milliseconds to wait for an SMTP connection.", LONG);
    /** Whether the mail session logs SMTP traffic. */
    public static final ConfigKey MAIL_SMTP_DEBUG = key("omero.mail.smtp.debug", "false",
            "Whether the mail session logs SMTP traffic.", BOOLEAN);
    /** Socket factory class for SMTP connections (e.g. for SSL). */
    public static final ConfigKey MAIL_SMTP_SOCKETFACTORY_CLASS = key("omero.mail.smtp.socketFactory.class", "",
            "Socket factory class for SMTP connections (e.g. for SSL).", STRING);
    /** Whether SMTP may fall back to a plain socket. */
    public static final ConfigKey MAIL_SMTP_SOCKETFACTORY_FALLBACK = key("omero.mail.smtp.socketFactory.fallback", "false",
            "Whether SMTP may fall back to a plain socket.", BOOLEAN);
    /** Port the SMTP socket factory connects to. */
    public static final ConfigKey MAIL_SMTP_SOCKETFACTORY_PORT = key("omero.mail.smtp.socketFactory.port", "${omero.mail.port}",
            "Port the SMTP socket factory connects to.", STRING);
    /** Whether SMTP upgrades the connection with STARTTLS. */
    public static final ConfigKey MAIL_SMTP_STARTTLS_ENABLE = key("omero.mail.smtp.starttls.enable", "false",
            "Whether SMTP upgrades the connection with STARTTLS.", BOOLEAN);
    /** Milliseconds to wait for an SMTP read. */
    public static final ConfigKey MAIL_SMTP_TIMEOUT = key("omero.mail.smtp.timeout", "60000",
            "Milliseconds to wait for an SMTP read.", LONG);
    /** other smtp parameters; see org.springframework.mail.javamail.JavaMailSenderImpl. */
    public static final ConfigKey MAIL_TRANSPORT_PROTOCOL = key("omero.mail.transport.protocol", "smtp",
            "other smtp parameters; see org.springframework.mail.javamail.JavaMailSenderImpl.", STRING);
    /** the username to connect to the smtp server (if required; can be empty). */
    public static final ConfigKey MAIL_USERNAME = key("omero.mail.username", "",
            "the username to connect to the smtp server (if required; can be empty).", STRING);

    // --- omero.metrics.* -------------------------------------------------------------------------
    /** Which bean to use: nullMetrics does nothing defaultMetrics uses the properties defined below. */
    public static final ConfigKey METRICS_BEAN = key("omero.metrics.bean", "defaultMetrics",
            "Which bean to use: nullMetrics does nothing defaultMetrics uses the properties defined below.", STRING);
    /** Address for Metrics to send server data. */
    public static final ConfigKey METRICS_GRAPHITE = key("omero.metrics.graphite", "",
            "Address for Metrics to send server data.", STRING);
    /** Number of minutes to periodically print to slf4j 0 or lower disables the printout. */
    public static final ConfigKey METRICS_SLF4J_MINUTES = key("omero.metrics.slf4j_minutes", "60",
            "Number of minutes to periodically print to slf4j 0 or lower disables the printout.", INT);

    // --- omero.threads.* -------------------------------------------------------------------------
    /** Number of threads from the min_threads pool that can be used at any given time for background tasks like import. */
    public static final ConfigKey THREADS_BACKGROUND_THREADS = key("omero.threads.background_threads", "5",
            "Number of threads from the min_threads pool that can be used at any given time for background tasks like import.", INT);
    /** Number of milliseconds to wait for a slot in the background queue before a rejection error will be raised. */
    public static final ConfigKey THREADS_BACKGROUND_TIMEOUT = key("omero.threads.background_timeout", "3600000",
            "Number of milliseconds to wait for a slot in the background queue before a rejection error will be raised.", LONG);
    /** Milliseconds to wait for a cancelled background task to stop. */
    public static final ConfigKey THREADS_CANCEL_TIMEOUT = key("omero.threads.cancel_timeout", "5000",
            "Milliseconds to wait for a cancelled background task to stop.", LONG);
    /** This setting does nothing. */
    public static final ConfigKey THREADS_IDLE_TIMEOUT = key("omero.threads.idle_timeout", "5000",
            "This setting does nothing.", LONG);
    /** This setting does nothing. */
    public static final ConfigKey THREADS_MAX_THREADS = key("omero.threads.max_threads", "50",
            "This setting does nothing.", INT);
    /** Maximum and minimum number of threads that can simultaneously run at the "USER" and "BACKGROUND" priority level. */
    public static final ConfigKey THREADS_MIN_THREADS = key("omero.threads.min_threads", "10",
            "Maximum and minimum number of threads that can simultaneously run at the \"USER\" and \"BACKGROUND\" priority level.", INT);

    // --- omero.throttling.* ----------------------------------------------------------------------
    /** Time in milliseconds after which a single method invocation will print a ERROR statement to the server log. */
    public static final ConfigKey THROTTLING_METHOD_TIME_ERROR = key("omero.throttling.method_time.error", "20000",
            "Time in milliseconds after which a single method invocation will print a ERROR statement to the server log.", LONG);
    /** Value for the indexer is extended to 1 day. */
    public static final ConfigKey THROTTLING_METHOD_TIME_ERROR_INDEXER = key("omero.throttling.method_time.error.indexer", "86400000",
            "Value for the indexer is extended to 1 day.", LONG);
    /** Time in milliseconds after which a single method invocation will print a WARN statement to the server log. */
    public static final ConfigKey THROTTLING_METHOD_TIME_WARN = key("omero.throttling.method_time.warn", "5000",
            "Time in milliseconds after which a single method invocation will print a WARN statement to the server log.", LONG);
    /** Value for the indexer is extended to 1 hour. */
    public static final ConfigKey THROTTLING_METHOD_TIME_WARN_INDEXER = key("omero.throttling.method_time.warn.indexer", "3600000",
            "Value for the indexer is extended to 1 hour.", LONG);
    /** Objects read between throttling checks. */
    public static final ConfigKey THROTTLING_OBJECTS_READ_INTERVAL = key("omero.throttling.objects_read_interval", "1000",
            "Objects read between throttling checks.", LONG);
    /** Objects written between throttling checks. */
    public static final ConfigKey THROTTLING_OBJECTS_WRITTEN_INTERVAL = key("omero.throttling.objects_written_interval", "1000",
            "Objects written between throttling checks.", LONG);
    /** Largest number of service objects one session may hold. */
    public static final ConfigKey THROTTLING_SERVANTS_PER_SESSION = key("omero.throttling.servants_per_session", "10000",
            "Largest number of service objects one session may hold.", INT);

    // --- omero.query.* ---------------------------------------------------------------------------
    /** For the query service how many seconds before a query times out. */
    public static final ConfigKey QUERY_TIMEOUT = key("omero.query.timeout", "1000",
            "For the query service how many seconds before a query times out.", LONG);
    /** How many seconds before a query times out for administrative users. */
    public static final ConfigKey QUERY_TIMEOUT_ADMIN = key("omero.query.timeout.admin", "${omero.query.timeout}",
            "How many seconds before a query times out for administrative users.", STRING);

    // --- omero.scripts.* -------------------------------------------------------------------------
    /** Frequency to reload script params. */
    public static final ConfigKey SCRIPTS_CACHE_CRON = key("omero.scripts.cache.cron", "0 0 0 * * ?",
            "Frequency to reload script params.", STRING);
    /** Guava LoadingCache spec for configuring how many script JobParams will be kept in memory for how long. */
    public static final ConfigKey SCRIPTS_CACHE_SPEC = key("omero.scripts.cache.spec", "maximumSize=1000",
            "Guava LoadingCache spec for configuring how many script JobParams will be kept in memory for how long.", STRING);
    /** Milliseconds a script may run before it is stopped. */
    public static final ConfigKey SCRIPTS_TIMEOUT = key("omero.scripts.timeout", "3600000",
            "Milliseconds a script may run before it is stopped.", LONG);

    // --- omero.launcher.* ------------------------------------------------------------------------
    /** Executable on the PATH which will be used for scripts with the mimetype 'text/x-jython'. */
    public static final ConfigKey LAUNCHER_JYTHON = key("omero.launcher.jython", "jython",
            "Executable on the PATH which will be used for scripts with the mimetype 'text/x-jython'.", STRING);
    /** Executable on the PATH which will be used for scripts with the mimetype 'text/x-matlab'. */
    public static final ConfigKey LAUNCHER_MATLAB = key("omero.launcher.matlab", "matlab",
            "Executable on the PATH which will be used for scripts with the mimetype 'text/x-matlab'.", STRING);
    /** Executable on the PATH which will be used for scripts with the mimetype 'text/x-python'. */
    public static final ConfigKey LAUNCHER_PYTHON = key("omero.launcher.python", "",
            "Executable on the PATH which will be used for scripts with the mimetype 'text/x-python'.", STRING);

    // --- omero.process.* -------------------------------------------------------------------------
    /** Server implementation which will be used for scripts with the mimetype 'text/x-jython'. */
    public static final ConfigKey PROCESS_JYTHON = key("omero.process.jython", "omero.processor.ProcessI",
            "Server implementation which will be used for scripts with the mimetype 'text/x-jython'.", STRING);
    /** Server implementation which will be used for scripts with the mimetype 'text/x-matlab'. */
    public static final ConfigKey PROCESS_MATLAB = key("omero.process.matlab", "omero.processor.MATLABProcessI",
            "Server implementation which will be used for scripts with the mimetype 'text/x-matlab'.", STRING);
    /** Server implementation which will be used for scripts with the mimetype 'text/x-python'. */
    public static final ConfigKey PROCESS_PYTHON = key("omero.process.python", "omero.processor.ProcessI",
            "Server implementation which will be used for scripts with the mimetype 'text/x-python'.", STRING);

    // --- omero.glacier2.* ------------------------------------------------------------------------
    /** Glacier2Template IceSSL defaults and overrides, see Any property beginning omero.glacier2.IceSSL. */
    public static final ConfigKey GLACIER2_ICESSL = key("omero.glacier2.IceSSL", "",
            "Glacier2Template IceSSL defaults and overrides, see Any property beginning omero.glacier2.IceSSL.", STRING);
    /** Glacier2Template SSL allowed cipher suites. */
    public static final ConfigKey GLACIER2_ICESSL_CIPHERS = key("omero.glacier2.IceSSL.Ciphers", "",
            "Glacier2Template SSL allowed cipher suites.", STRING);
    /** Glacier2Template SSL maximum allowed protocol (mac bug). */
    public static final ConfigKey GLACIER2_ICESSL_PROTOCOLVERSIONMAX = key("omero.glacier2.IceSSL.ProtocolVersionMax", "tls1_1",
            "Glacier2Template SSL maximum allowed protocol (mac bug).", STRING);
    /** Glacier2Template SSL allowed protocols. */
    public static final ConfigKey GLACIER2_ICESSL_PROTOCOLS = key("omero.glacier2.IceSSL.Protocols", "tls1",
            "Glacier2Template SSL allowed protocols.", STRING);
    /** Glacier2Template SSL verification requirements. */
    public static final ConfigKey GLACIER2_ICESSL_VERIFYPEER = key("omero.glacier2.IceSSL.VerifyPeer", "0",
            "Glacier2Template SSL verification requirements.", INT);

    // --- omero.grid.* ----------------------------------------------------------------------------
    /** registry_timeout is the milliseconds which the registry and other services will wait on remote services to respond. */
    public static final ConfigKey GRID_REGISTRY_TIMEOUT = key("omero.grid.registry_timeout", "5000",
            "registry_timeout is the milliseconds which the registry and other services will wait on remote services to respond.", LONG);

    // --- omero.jvmcfg.* --------------------------------------------------------------------------
    /** Contains other parameters which should be passed to the JVM. */
    public static final ConfigKey JVMCFG_APPEND = key("omero.jvmcfg.append", "",
            "Contains other parameters which should be passed to the JVM.", STRING);
    /** Toggles on or off heap dumps on OOMs. */
    public static final ConfigKey JVMCFG_HEAP_DUMP = key("omero.jvmcfg.heap_dump", "",
            "Toggles on or off heap dumps on OOMs.", STRING);
    /** Explicit value for the -Xmx argument, e.g. */
    public static final ConfigKey JVMCFG_HEAP_SIZE = key("omero.jvmcfg.heap_size", "",
            "Explicit value for the -Xmx argument, e.g.", STRING);
    /** Suggestion for strategies as to the maximum memory that they will use for calculating JVM settings (MB). */
    public static final ConfigKey JVMCFG_MAX_SYSTEM_MEMORY = key("omero.jvmcfg.max_system_memory", "48000",
            "Suggestion for strategies as to the maximum memory that they will use for calculating JVM settings (MB).", LONG);
    /** Suggestion for strategies as to the minimum memory that they will use for calculating JVM settings (MB). */
    public static final ConfigKey JVMCFG_MIN_SYSTEM_MEMORY = key("omero.jvmcfg.min_system_memory", "3414",
            "Suggestion for strategies as to the minimum memory that they will use for calculating JVM settings (MB).", LONG);
    /** Used only by the percent strategy. */
    public static final ConfigKey JVMCFG_PERCENT = key("omero.jvmcfg.percent", "",
            "Used only by the percent strategy.", STRING);
    /** Explicit value for the MaxPermSize argument to the JVM, e.g. */
    public static final ConfigKey JVMCFG_PERM_GEN = key("omero.jvmcfg.perm_gen", "",
            "Explicit value for the MaxPermSize argument to the JVM, e.g.", STRING);
    /** Memory strategy which will be used by default. */
    public static final ConfigKey JVMCFG_STRATEGY = key("omero.jvmcfg.strategy", "percent",
            "Memory strategy which will be used by default.", STRING);
    /** Manual override of the total system memory that OMERO will think is present on the local OS (MB). */
    public static final ConfigKey JVMCFG_SYSTEM_MEMORY = key("omero.jvmcfg.system_memory", "",
            "Manual override of the total system memory that OMERO will think is present on the local OS (MB).", STRING);

    // --- omero.ports.* ---------------------------------------------------------------------------
    /** The prefix to apply to all port numbers (SSL, TCP, registry) used by the server. */
    public static final ConfigKey PORTS_PREFIX = key("omero.ports.prefix", "",
            "The prefix to apply to all port numbers (SSL, TCP, registry) used by the server.", STRING);
    /** The IceGrid registry port number to use. */
    public static final ConfigKey PORTS_REGISTRY = key("omero.ports.registry", "4061",
            "The IceGrid registry port number to use.", INT);
    /** The Glacier2 SSL port number to use. */
    public static final ConfigKey PORTS_SSL = key("omero.ports.ssl", "4064",
            "The Glacier2 SSL port number to use.", INT);
    /** The Glacier2 TCP port number to use (unencrypted). */
    public static final ConfigKey PORTS_TCP = key("omero.ports.tcp", "4063",
            "The Glacier2 TCP port number to use (unencrypted).", INT);
    /** The Glacier2 WSS port number to use. */
    public static final ConfigKey PORTS_WSS = key("omero.ports.wss", "4066",
            "The Glacier2 WSS port number to use.", INT);

    // --- omero.server.* --------------------------------------------------------------------------
    /** Override the default set of OMERO services. */
    public static final ConfigKey SERVER_NODEDESCRIPTORS = key("omero.server.nodedescriptors", "",
            "Override the default set of OMERO services.", STRING);

    // --- omero.web.* -----------------------------------------------------------------------------
    /** A list of people who get code error notifications whenever the application identifies a broken link or raises an... */
    public static final ConfigKey WEB_ADMINS = key("omero.web.admins", "[]",
            "A list of people who get code error notifications whenever the application identifies a broken link or raises an...", JSON);
    /** The largest page the JSON API answers: a {@code limit} above it is cut to it. */
    public static final ConfigKey WEB_API_MAX_LIMIT = key("omero.web.api.max_limit", "500",
            "Maximum number of objects a JSON API (api/v0/) listing returns in one page; a larger limit is reduced to it.", INT);
    /** OMERO.web is configured to run in Gunicorn as a generic WSGI (TCP)application by default. */
    public static final ConfigKey WEB_APPLICATION_SERVER = key("omero.web.application_server", "wsgi-tcp",
            "OMERO.web is configured to run in Gunicorn as a generic WSGI (TCP)application by default.", STRING);
    /** The maximum number of requests a worker will process before restarting. */
    public static final ConfigKey WEB_APPLICATION_SERVER_MAX_REQUESTS = key("omero.web.application_server.max_requests", "0",
            "The maximum number of requests a worker will process before restarting.", INT);
    /** Upstream application port. */
    public static final ConfigKey WEB_APPLICATION_SERVER_PORT = key("omero.web.application_server.port", "4080",
            "Upstream application port.", INT);
    /** Add additional Django applications. */
    public static final ConfigKey WEB_APPS = key("omero.web.apps", "[]",
            "Add additional Django applications.", JSON);
    /** Template to be included in every page, at the end of the {@code <body>}. */
    public static final ConfigKey WEB_BASE_INCLUDE_TEMPLATE = key("omero.web.base_include_template", "",
            "Template to be included in every page, at the end of the <body>.", STRING);
    /** OMERO.web offers alternative session backends to automatically delete stale data using the cache session store... */
    public static final ConfigKey WEB_CACHES = key("omero.web.caches", "{\"default\": {\"BACKEND\": \"django.core.cache.backends.dummy.DummyCache\"}}",
            "OMERO.web offers alternative session backends to automatically delete stale data using the cache session store...", JSON);
    /** Size, in bytes, of the "chunk". */
    public static final ConfigKey WEB_CHUNK_SIZE = key("omero.web.chunk_size", "1048576",
            "Size, in bytes, of the \"chunk\".", INT);
    /** If True, cors_origin_whitelist will not be used and all origins will be authorized to make cross-site HTTP requests. */
    public static final ConfigKey WEB_CORS_ORIGIN_ALLOW_ALL = key("omero.web.cors_origin_allow_all", "false",
            "If True, cors_origin_whitelist will not be used and all origins will be authorized to make cross-site HTTP requests.", BOOLEAN);
    /** A list of origin hostnames that are authorized to make cross-site HTTP requests. */
    public static final ConfigKey WEB_CORS_ORIGIN_WHITELIST = key("omero.web.cors_origin_whitelist", "[]",
            "A list of origin hostnames that are authorized to make cross-site HTTP requests.", JSON);
    /** Extra Django database definitions (JSON object). */
    public static final ConfigKey WEB_DATABASES = key("omero.web.databases", "{}",
            "Extra Django database definitions (JSON object).", JSON);
    /** A boolean that turns on/off debug mode. */
    public static final ConfigKey WEB_DEBUG = key("omero.web.debug", "false",
            "A boolean that turns on/off debug mode.", BOOLEAN);
    /** Additional Django settings as list of key-value tuples. */
    public static final ConfigKey WEB_DJANGO_ADDITIONAL_SETTINGS = key("omero.web.django_additional_settings", "[]",
            "Additional Django settings as list of key-value tuples.", JSON);
    /** Favicon URL, specifies the path relative to django's static file dirs. */
    public static final ConfigKey WEB_FAVICON_URL = key("omero.web.favicon_url", "webgateway/img/ome.ico",
            "Favicon URL, specifies the path relative to django's static file dirs.", STRING);
    /** Default content for the HTML Meta referrer tag. */
    public static final ConfigKey WEB_HTML_META_REFERRER = key("omero.web.html_meta_referrer", "origin-when-crossorigin",
            "Default content for the HTML Meta referrer tag.", STRING);
    /** Define template used as an index page http://your_host/omero/.If None user is automatically redirected to the login... */
    public static final ConfigKey WEB_INDEX_TEMPLATE = key("omero.web.index_template", "",
            "Define template used as an index page http://your_host/omero/.If None user is automatically redirected to the login...", STRING);
    /** A path to the custom log directory. */
    public static final ConfigKey WEB_LOGDIR = key("omero.web.logdir", "/home/omero/OMERO.server/var/log",
            "A path to the custom log directory.", PATH);
    /** GitHub repository containing the Desktop client downloads. */
    public static final ConfigKey WEB_LOGIN_CLIENT_DOWNLOADS_BASE = key("omero.web.login.client_downloads_base", "ome/omero-insight",
            "GitHub repository containing the Desktop client downloads.", STRING);
    /** Whether to link to official client downloads on the login page. */
    public static final ConfigKey WEB_LOGIN_SHOW_CLIENT_DOWNLOADS = key("omero.web.login.show_client_downloads", "true",
            "Whether to link to official client downloads on the login page.", BOOLEAN);
    /** The error message shown to users who enter an incorrect username or password. */
    public static final ConfigKey WEB_LOGIN_INCORRECT_CREDENTIALS_TEXT = key("omero.web.login_incorrect_credentials_text", "Connection not available, please check your user name and password.",
            "The error message shown to users who enter an incorrect username or password.", STRING);
    /** The Django view name used for login. */
    public static final ConfigKey WEB_LOGIN_VIEW = key("omero.web.login_view", "weblogin",
            "The Django view name used for login.", STRING);
    /** Prevent download of OMERO.tables exceeding this number of rows in a single request. */
    public static final ConfigKey WEB_MAX_TABLE_DOWNLOAD_ROWS = key("omero.web.max_table_download_rows", "10000",
            "Prevent download of OMERO.tables exceeding this number of rows in a single request.", INT);
    /** Prevent multiple files with total aggregate size greater than this value in bytes from being downloaded as a zip... */
    public static final ConfigKey WEB_MAXIMUM_MULTIFILE_DOWNLOAD_SIZE = key("omero.web.maximum_multifile_download_size", "1073741824",
            "Prevent multiple files with total aggregate size greater than this value in bytes from being downloaded as a zip...", LONG);
    /** Warning: Only system administrators should use this feature. */
    public static final ConfigKey WEB_MIDDLEWARE = key("omero.web.middleware", "[{\"index\": 1, \"class\": \"django.middleware.common.BrokenLinkEmailsMiddleware\"},{\"index\": 2, \"class\": \"django.middleware.common.CommonMiddleware\"},{\"index\": 3, \"class\": \"django.contrib.sessions.middleware.SessionMiddleware\"},{\"index\": 4, \"class\": \"django.middleware.csrf.CsrfViewMiddleware\"},{\"index\": 5, \"class\": \"django.contrib.messages.middleware.MessageMiddleware\"},{\"index\": 6, \"class\": \"django.middleware.clickjacking.XFrameOptionsMiddleware\"}]",
            "Warning: Only system administrators should use this feature.", JSON);
    /** Extra configuration lines to add to the Nginx server block. */
    public static final ConfigKey WEB_NGINX_SERVER_EXTRA_CONFIG = key("omero.web.nginx_server_extra_config", "[]",
            "Extra configuration lines to add to the Nginx server block.", JSON);
    /** A list of viewers that can be used to display selected Images or other objects. */
    public static final ConfigKey WEB_OPEN_WITH = key("omero.web.open_with", "[[\"Image viewer\", \"webgateway\", {\"supported_objects\": [\"image\"],\"script_url\": \"webclient/javascript/ome.openwith_viewer.js\"}]]",
            "A list of viewers that can be used to display selected Images or other objects.", JSON);
    /** Number of images displayed within a dataset or 'orphaned' container to prevent from loading them all at once. */
    public static final ConfigKey WEB_PAGE_SIZE = key("omero.web.page_size", "200",
            "Number of images displayed within a dataset or 'orphaned' container to prevent from loading them all at once.", INT);
    /** Timeout interval between ping invocations in seconds. */
    public static final ConfigKey WEB_PING_INTERVAL = key("omero.web.ping_interval", "60000",
            "Timeout interval between ping invocations in seconds.", LONG);
    /** Compressor class to be applied to CSS files. */
    public static final ConfigKey WEB_PIPELINE_CSS_COMPRESSOR = key("omero.web.pipeline_css_compressor", "",
            "Compressor class to be applied to CSS files.", STRING);
    /** Compressor class to be applied to JavaScript files. */
    public static final ConfigKey WEB_PIPELINE_JS_COMPRESSOR = key("omero.web.pipeline_js_compressor", "",
            "Compressor class to be applied to JavaScript files.", STRING);
    /** The file storage engine to use when collecting static files with the collectstatic management command. */
    public static final ConfigKey WEB_PIPELINE_STATICFILE_STORAGE = key("omero.web.pipeline_staticfile_storage", "",
            "The file storage engine to use when collecting static files with the collectstatic management command.", STRING);
    /** If 'shrink', the plate will not display rows and columns before the first Well, or after the last Well. */
    public static final ConfigKey WEB_PLATE_LAYOUT = key("omero.web.plate_layout", "expand",
            "If 'shrink', the plate will not display rows and columns before the first Well, or after the last Well.", STRING);
    /** Used as the value of the SCRIPT_NAME environment variable in any HTTP request. */
    public static final ConfigKey WEB_PREFIX = key("omero.web.prefix", "",
            "Used as the value of the SCRIPT_NAME environment variable in any HTTP request.", STRING);
    /** Whether pages seen by the public user are cached. */
    public static final ConfigKey WEB_PUBLIC_CACHE_ENABLED = key("omero.web.public.cache.enabled", "false",
            "Whether pages seen by the public user are cached.", BOOLEAN);
    /** Cache key prefix for public-user pages. */
    public static final ConfigKey WEB_PUBLIC_CACHE_KEY = key("omero.web.public.cache.key", "omero.web.public.cache.key",
            "Cache key prefix for public-user pages.", STRING);
    /** Seconds a cached public-user page stays valid. */
    public static final ConfigKey WEB_PUBLIC_CACHE_TIMEOUT = key("omero.web.public.cache.timeout", "86400",
            "Seconds a cached public-user page stays valid.", INT);
    /** Enable and disable the OMERO.web public user functionality. */
    public static final ConfigKey WEB_PUBLIC_ENABLED = key("omero.web.public.enabled", "false",
            "Enable and disable the OMERO.web public user functionality.", BOOLEAN);
    /** Restrict public users to GET requests only. */
    public static final ConfigKey WEB_PUBLIC_GET_ONLY = key("omero.web.public.get_only", "true",
            "Restrict public users to GET requests only.", BOOLEAN);
    /** Password to use during authentication. */
    public static final ConfigKey WEB_PUBLIC_PASSWORD = key("omero.web.public.password", "",
            "Password to use during authentication.", STRING);
    /** Server to authenticate against. */
    public static final ConfigKey WEB_PUBLIC_SERVER_ID = key("omero.web.public.server_id", "1",
            "Server to authenticate against.", INT);
    /** Set a regular expression that matches URLs the public user is allowed to access. */
    public static final ConfigKey WEB_PUBLIC_URL_FILTER = key("omero.web.public.url_filter", "(?#This regular expression matches nothing)a^",
            "Set a regular expression that matches URLs the public user is allowed to access.", STRING);
    /** Username to use during authentication. */
    public static final ConfigKey WEB_PUBLIC_USER = key("omero.web.public.user", "",
            "Username to use during authentication.", STRING);
    /** If you wish to allow redirects to an external site, the domains must be listed here. */
    public static final ConfigKey WEB_REDIRECT_ALLOWED_HOSTS = key("omero.web.redirect_allowed_hosts", "[]",
            "If you wish to allow redirects to an external site, the domains must be listed here.", JSON);
    /** Override the root application label that handles /. */
    public static final ConfigKey WEB_ROOT_APPLICATION = key("omero.web.root_application", "",
            "Override the root application label that handles /.", STRING);
    /** A boolean that sets SECRET_KEY for a particular Django installation. */
    public static final ConfigKey WEB_SECRET_KEY = key("omero.web.secret_key", "",
            "A boolean that sets SECRET_KEY for a particular Django installation.", STRING);
    /** A tuple representing a HTTP header/value combination that signifies a request is secure. */
    public static final ConfigKey WEB_SECURE_PROXY_SSL_HEADER = key("omero.web.secure_proxy_ssl_header", "[]",
            "A tuple representing a HTTP header/value combination that signifies a request is secure.", JSON);
    /** A list of servers the Web client can connect to. */
    public static final ConfigKey WEB_SERVER_LIST = key("omero.web.server_list", "[[\"localhost\", 4064, \"omero\"]]",
            "A list of servers the Web client can connect to.", JSON);
    /** A boolean that determines whether to expire the session when the user closes their browser. */
    public static final ConfigKey WEB_SESSION_EXPIRE_AT_BROWSER_CLOSE = key("omero.web.session_expire_at_browser_close", "true",
            "A boolean that determines whether to expire the session when the user closes their browser.", BOOLEAN);
    /** You can use this setting to customize the session serialization format. */
    public static final ConfigKey WEB_SESSION_SERIALIZER = key("omero.web.session_serializer", "django.contrib.sessions.serializers.PickleSerializer",
            "You can use this setting to customize the session serialization format.", STRING);
    /** Dictionary of server-name: site-name, where server-name matches a name from omero.web.server_list. */
    public static final ConfigKey WEB_SHARING_OPENGRAPH = key("omero.web.sharing.opengraph", "{}",
            "Dictionary of server-name: site-name, where server-name matches a name from omero.web.server_list.", JSON);
    /** Dictionary of server-name: @twitter-site-username, where server-name matches a name from omero.web.server_list. */
    public static final ConfigKey WEB_SHARING_TWITTER = key("omero.web.sharing.twitter", "{}",
            "Dictionary of server-name: @twitter-site-username, where server-name matches a name from omero.web.server_list.", JSON);
    /** Allows to hide 'Forgot password' from the login view - useful for LDAP/ActiveDir installations. */
    public static final ConfigKey WEB_SHOW_FORGOT_PASSWORD = key("omero.web.show_forgot_password", "true",
            "Allows to hide 'Forgot password' from the login view - useful for LDAP/ActiveDir installations.", BOOLEAN);
    /** The absolute path to the directory where collectstatic will collect static files for deployment. */
    public static final ConfigKey WEB_STATIC_ROOT = key("omero.web.static_root", "/home/omero/OMERO.server/var/static",
            "The absolute path to the directory where collectstatic will collect static files for deployment.", PATH);
    /** URL to use when referring to static files. */
    public static final ConfigKey WEB_STATIC_URL = key("omero.web.static_url", "/static/",
            "URL to use when referring to static files.", STRING);
    /** Defines the additional locations the staticfiles app will traverse if the FileSystemFinder finder is enabled, e.g. */
    public static final ConfigKey WEB_STATICFILE_DIRS = key("omero.web.staticfile_dirs", "[]",
            "Defines the additional locations the staticfiles app will traverse if the FileSystemFinder finder is enabled, e.g.", JSON);
    /** List of locations of the template source files, in search order. */
    public static final ConfigKey WEB_TEMPLATE_DIRS = key("omero.web.template_dirs", "[]",
            "List of locations of the template source files, in search order.", JSON);
    /** Number of thumbnails retrieved to prevent from loading them all at once. */
    public static final ConfigKey WEB_THUMBNAILS_BATCH = key("omero.web.thumbnails_batch", "50",
            "Number of thumbnails retrieved to prevent from loading them all at once.", INT);
    /** Time zone for this installation. */
    public static final ConfigKey WEB_TIME_ZONE = key("omero.web.time_zone", "Europe/London",
            "Time zone for this installation.", STRING);
    /** Manage Metadata pane accordion. */
    public static final ConfigKey WEB_UI_METADATA_PANES = key("omero.web.ui.metadata_panes", "[{\"name\": \"tag\", \"label\": \"Tags\", \"index\": 1},{\"name\": \"map\", \"label\": \"Key-Value Pairs\", \"index\": 2},{\"name\": \"table\", \"label\": \"Tables\", \"index\": 3},{\"name\": \"file\", \"label\": \"Attachments\", \"index\": 4},{\"name\": \"comment\", \"label\": \"Comments\", \"index\": 5},{\"name\": \"rating\", \"label\": \"Ratings\", \"index\": 6},{\"name\": \"other\", \"label\": \"Others\", \"index\": 7}]",
            "Manage Metadata pane accordion.", JSON);
    /** Add plugins to the right-hand panel. */
    public static final ConfigKey WEB_UI_RIGHT_PLUGINS = key("omero.web.ui.right_plugins", "[[\"Acquisition\", \"webclient/data/includes/right_plugin.acquisition.js.html\", \"metadata_tab\"],[\"Preview\", \"webclient/data/includes/right_plugin.preview.js.html\", \"preview_tab\"]]",
            "Add plugins to the right-hand panel.", JSON);
    /** Whether or not to include a user dropdown in the base template. */
    public static final ConfigKey WEB_USER_DROPDOWN = key("omero.web.user_dropdown", "true",
            "Whether or not to include a user dropdown in the base template.", BOOLEAN);
    /** Django view which handles display of, or redirection to, the desired full image viewer. */
    public static final ConfigKey WEB_VIEWER_VIEW = key("omero.web.viewer.view", "omeroweb.webclient.views.image_viewer",
            "Django view which handles display of, or redirection to, the desired full image viewer.", STRING);
    /** Cache backend of the web gateway; empty disables it. */
    public static final ConfigKey WEB_WEBGATEWAY_CACHE = key("omero.web.webgateway_cache", "",
            "Cache backend of the web gateway; empty disables it.", STRING);
    /** A string representing Gunicorn additional arguments. */
    public static final ConfigKey WEB_WSGI_ARGS = key("omero.web.wsgi_args", "",
            "A string representing Gunicorn additional arguments.", STRING);
    /** Workers silent for more than this many seconds are killed and restarted. */
    public static final ConfigKey WEB_WSGI_TIMEOUT = key("omero.web.wsgi_timeout", "60",
            "Workers silent for more than this many seconds are killed and restarted.", INT);
    /** The number of worker processes for handling requests. */
    public static final ConfigKey WEB_WSGI_WORKERS = key("omero.web.wsgi_workers", "5",
            "The number of worker processes for handling requests.", INT);
    /** Whether to allow OMERO.web to be loaded in a frame. */
    public static final ConfigKey WEB_X_FRAME_OPTIONS = key("omero.web.x_frame_options", "",
            "Whether to allow OMERO.web to be loaded in a frame.", STRING);
    /** Sender address of e-mail sent by OMERO.web. */
    public static final ConfigKey WEB_SERVER_EMAIL = key("omero.web.server_email", "root@localhost",
            "Sender address of e-mail sent by OMERO.web.", STRING);
    /** Mail server host name. */
    public static final ConfigKey WEB_EMAIL_HOST = key("omero.web.email_host", "localhost",
            "Mail server host name.", STRING);
    /** Mail server login name. */
    public static final ConfigKey WEB_EMAIL_HOST_USER = key("omero.web.email_host_user", "",
            "Mail server login name.", STRING);
    /** Mail server login password. */
    public static final ConfigKey WEB_EMAIL_HOST_PASSWORD = key("omero.web.email_host_password", "",
            "Mail server login password.", STRING);
    /** Mail server port. */
    public static final ConfigKey WEB_EMAIL_HOST_PORT = key("omero.web.email_host_port", "25",
            "Mail server port.", INT);
    /** Whether e-mail is sent over TLS. */
    public static final ConfigKey WEB_EMAIL_USE_TLS = key("omero.web.email_use_tls", "false",
            "Whether e-mail is sent over TLS.", BOOLEAN);
    /** Prefix of the subject of outgoing e-mail. */
    public static final ConfigKey WEB_EMAIL_SUBJECT_PREFIX = key("omero.web.email_subject_prefix", "[Django] ",
            "Prefix of the subject of outgoing e-mail.", STRING);
    /** Scripts the web script menu hides (JSON list of paths). */
    public static final ConfigKey WEB_SCRIPTS_TO_IGNORE = key("omero.web.scripts_to_ignore", "[\"/omero/figure_scripts/Movie_Figure.py\", \"/omero/figure_scripts/Split_View_Figure.py\", \"/omero/figure_scripts/Thumbnail_Figure.py\", \"/omero/figure_scripts/ROI_Split_Figure.py\", \"/omero/export_scripts/Make_Movie.py\"]",
            "Scripts the web script menu hides (JSON list of paths).", JSON);
    /** Django session backend (deployment detail of OMERO.web). */
    public static final ConfigKey WEB_SESSION_ENGINE = key("omero.web.session_engine", "",
            "Django session backend (deployment detail of OMERO.web).", STRING);
    /** Django cache backend (deployment detail of OMERO.web). */
    public static final ConfigKey WEB_CACHE_BACKEND = key("omero.web.cache_backend", "",
            "Django cache backend (deployment detail of OMERO.web).", STRING);
}
