package org.omerosdk.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.omerosdk.model.AuthenticationException;
import org.omerosdk.model.OmeroException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;
import org.omerosdk.sdk.OmeroSdk;
import org.omerosdk.sdk.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a request runs as, and the CSRF check, as OMERO.web (Django) does them.
 *
 * <ul>
 *   <li>The {@value #SESSION_COOKIE} cookie (HttpOnly, SameSite=Lax) holds the SDK session key itself, so that any
 *       SDK instance on the same database can {@linkplain OmeroSdk#joinSession join} it.</li>
 *   <li>Every request that is not GET/HEAD/OPTIONS/TRACE needs the {@value #CSRF_COOKIE} cookie and the same value in
 *       the {@code X-CSRFToken} header or the {@code csrfmiddlewaretoken} form field, and an {@code Origin}, when
 *       sent, of this server (Django's checks; the cookie is set by {@code api/v0/token/}).</li>
 *   <li>A request without a live session runs as the public user when {@code omero.web.public.enabled} is true,
 *       the path (inside the gateway's context) matches {@code omero.web.public.url_filter} anywhere (Python's
 *       {@code re.search}), and, when {@code omero.web.public.get_only} is true, the method is GET; otherwise it is
 *       refused with 403 "Not logged in".</li>
 * </ul>
 */
final class WebSessions implements GatewayHandler.Access {
    static final String SESSION_COOKIE = "sessionid";
    static final String CSRF_COOKIE = "csrftoken";
    static final String CSRF_HEADER = "X-CSRFToken";
    static final String CSRF_FIELD = "csrfmiddlewaretoken";
    /** Django's CSRF_COOKIE_AGE: a year. */
    private static final long CSRF_COOKIE_AGE = 31_449_600L;
    private static final Logger LOG = LoggerFactory.getLogger(WebSessions.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OmeroSdk sdk;
    private final boolean publicEnabled;
    private final boolean publicGetOnly;
    private final Pattern publicFilter;
    /**
     * Joined sessions by key, so that a page's many tile requests do not each join again. Safe to keep: a session
     * re-reads its row on every call, so one closed or expired elsewhere fails its next call here.
     */
    private final Cache<String, Session> joined = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(5)).build();
    private volatile Session publicSession;

    WebSessions(OmeroSdk sdk, OmeroConfig config) {
        this.sdk = sdk;
        int serverId = config.getInt(ConfigKeys.WEB_PUBLIC_SERVER_ID);
        boolean enabled = config.getBoolean(ConfigKeys.WEB_PUBLIC_ENABLED);
        if (enabled && serverId != WebServers.ID) {
            LOG.warn("omero.web.public.server_id is {} but this gateway serves only server {}: public access is off",
                    serverId, WebServers.ID);
            enabled = false;
        }
        this.publicEnabled = enabled;
        this.publicGetOnly = config.getBoolean(ConfigKeys.WEB_PUBLIC_GET_ONLY);
        this.publicFilter = pythonRegex(config.get(ConfigKeys.WEB_PUBLIC_URL_FILTER));
    }

    /**
     * {@code regex} as Python's {@code re} reads it: Java has no {@code (?#comment)} groups (OMERO's default filter
     * is one), so they are dropped first.
     */
    static Pattern pythonRegex(String regex) {
        String withoutComments = regex.replaceAll("\\(\\?#[^)]*\\)", "");
        try {
            return Pattern.compile(withoutComments);
        } catch (PatternSyntaxException e) {
            throw new org.omerosdk.model.ValidationException("omero.web.public.url_filter \"" + regex
                    + "\" is not a regular expression: " + e.getDescription());
        }
    }

    @Override
    public void admit(Exchange exchange, Route route) {
        if (!exchange.safeMethod()) {
            checkCsrf(exchange);
        }
        if (route.access() == Route.Access.ANYONE) {
            loggedIn(exchange).ifPresent(s -> exchange.caller(new Caller(s, false)));
            return;
        }
        Optional<Session> session = loggedIn(exchange);
        if (session.isPresent()) {
            exchange.caller(new Caller(session.get(), false));
            return;
        }
        if (publicAllowed(exchange)) {
            exchange.caller(new Caller(publicSession(), true));
            return;
        }
        if (route.access() == Route.Access.PAGE && exchange.method.equals("GET")) {
            throw HttpError.redirect(exchange.url(ViewerRoutes.LOGIN) + "?url="
                    + java.net.URLEncoder.encode(exchange.path, StandardCharsets.UTF_8));
        }
        throw HttpError.notLoggedIn();
    }

    /** Whether a request without a login may run as the public user. */
    boolean publicAllowed(Exchange exchange) {
        return publicEnabled && publicFilter.matcher(exchange.path).find()
                && (!publicGetOnly || exchange.method.equals("GET"));
    }

    /** The live session of the request's {@value #SESSION_COOKIE} cookie. */
    Optional<Session> loggedIn(Exchange exchange) {
        Optional<String> key = exchange.cookie(SESSION_COOKIE).filter(k -> !k.isEmpty());
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Session cached = joined.getIfPresent(key.get());
        if (cached != null) {
            return Optional.of(cached);
        }
        try {
            Session s = sdk.joinSession(key.get());
            if (s.context().publicUser()) {
                // the public user's session never comes from a cookie: it is chosen by the URL filter alone
                return Optional.empty();
            }
            joined.put(key.get(), s);
            return Optional.of(s);
        } catch (AuthenticationException e) {
            return Optional.empty();
        }
    }

    /** Forgets a session this gateway joined (after logout, or when a call found it ended). */
    void forget(String key) {
        joined.invalidate(key);
    }

    /** The shared session of the public user, opened on first use and again when it has ended. */
    private Session publicSession() {
        Session s = publicSession;
        if (s != null) {
            try {
                s.keepAlive();
                return s;
            } catch (AuthenticationException ended) {
                publicSession = null;
            }
        }
        synchronized (this) {
            if (publicSession == null) {
                try {
                    publicSession = sdk.publicSession();
                } catch (OmeroException e) {
                    LOG.warn("the public user cannot log in: {}", e.getMessage());
                    throw HttpError.notLoggedIn();
                }
            }
            return publicSession;
        }
    }

    private static void checkCsrf(Exchange exchange) {
        Optional<String> origin = exchange.header("Origin");
        if (origin.isPresent() && !origin.get().equals(origin(exchange.base))) {
            throw HttpError.forbidden("CSRF verification failed: Origin checking failed - " + origin.get()
                    + " does not match any trusted origins.");
        }
        Optional<String> cookie = exchange.cookie(CSRF_COOKIE).filter(c -> !c.isEmpty());
        if (cookie.isEmpty()) {
            throw HttpError.forbidden("CSRF verification failed: CSRF cookie not set.");
        }
        Optional<String> sent = exchange.header(CSRF_HEADER).or(() -> exchange.form(CSRF_FIELD));
        if (sent.isEmpty() || sent.get().isEmpty()) {
            throw HttpError.forbidden("CSRF verification failed: CSRF token missing.");
        }
        if (!MessageDigest.isEqual(sent.get().getBytes(StandardCharsets.UTF_8),
                cookie.get().getBytes(StandardCharsets.UTF_8))) {
            throw HttpError.forbidden("CSRF verification failed: CSRF token incorrect.");
        }
    }

    /** {@code scheme://authority} of a base URL that may carry a context path. */
    private static String origin(String base) {
        int slash = base.indexOf('/', base.indexOf("://") + 3);
        return slash < 0 ? base : base.substring(0, slash);
    }

    /** A new CSRF token: 32 random bytes, hex (Django's are 64 characters too). */
    static String newCsrfToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** The Set-Cookie value for the CSRF token (readable by the page's scripts, as Django's). */
    static String csrfCookie(Exchange exchange, String token) {
        return CSRF_COOKIE + "=" + token + "; Max-Age=" + CSRF_COOKIE_AGE + "; Path=" + cookiePath(exchange)
                + "; SameSite=Lax" + secure(exchange);
    }

    /** The Set-Cookie value carrying an SDK session key: never readable by scripts. */
    static String sessionCookie(Exchange exchange, String key) {
        return SESSION_COOKIE + "=" + key + "; Path=" + cookiePath(exchange) + "; HttpOnly; SameSite=Lax"
                + secure(exchange);
    }

    static String expiredSessionCookie(Exchange exchange) {
        return SESSION_COOKIE + "=; Max-Age=0; Path=" + cookiePath(exchange) + "; HttpOnly; SameSite=Lax"
                + secure(exchange);
    }

    private static String cookiePath(Exchange exchange) {
        String b = exchange.base;
        int slash = b.indexOf('/', b.indexOf("://") + 3);
        return slash < 0 ? "/" : b.substring(slash) + "/";
    }

    private static String secure(Exchange exchange) {
        return exchange.base.startsWith("https:") ? "; Secure" : "";
    }
}
