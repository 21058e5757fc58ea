package org.omerosdk.sdk;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OMERO's login throttling ({@code omero.security.login_failure_throttle_count} / {@code _time}): once a user name,
 * or a client address, has failed more than {@code count} times in a row, each further failure is answered only
 * after {@code time} milliseconds. A success resets its user name's count; counts are forgotten after 15 minutes
 * without failures. Known and unknown user names are counted alike, so throttling tells nothing about which exist.
 * Off when {@code time} is 0 (the SDK's default).
 */
final class LoginThrottle {
    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

    private final int count;
    private final long pauseMillis;
    private final Cache<String, Integer> failures = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(15)).build();
    private volatile LongConsumer pause = LoginThrottle::sleep;

    private LoginThrottle(int count, long pauseMillis) {
        this.count = count;
        this.pauseMillis = pauseMillis;
    }

    /** @throws ValidationException for a negative count or time, naming the key */
    static LoginThrottle from(OmeroConfig config) {
        int count = config.getInt(ConfigKeys.SECURITY_LOGIN_FAILURE_THROTTLE_COUNT);
        long time = config.getLong(ConfigKeys.SECURITY_LOGIN_FAILURE_THROTTLE_TIME);
        if (count < 0 || time < 0) {
            throw new ValidationException("omero.security.login_failure_throttle_count = " + count
                    + " and omero.security.login_failure_throttle_time = " + time + ": both must be 0 or more");
        }
        return new LoginThrottle(count, time);
    }

    /** Records a failure of {@code user} (from {@code address}) and delays the answer when either is throttled. */
    void failed(String user, Optional<String> address) {
        if (pauseMillis == 0) {
            return;
        }
        int byUser = increment("user:" + user);
        int byAddress = address.map(a -> increment("address:" + a)).orElse(0);
        if (byUser > count || byAddress > count) {
            LOG.warn("{} failed logins in a row for user {}{}; delaying the answer by {} ms", Math.max(byUser,
                    byAddress), user, address.map(a -> " or from " + a).orElse(""), pauseMillis);
            pause.accept(pauseMillis);
        }
    }

    void succeeded(String user) {
        failures.invalidate("user:" + user);
    }

    /** Replaces how a delay is spent (tests count delays instead of waiting). */
    void pauseWith(LongConsumer pause) {
        this.pause = pause;
    }

    private int increment(String key) {
        // a write each time, so that a count is forgotten 15 minutes after its last failure
        return failures.asMap().merge(key, 1, Integer::sum);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
