package org.omerosdk.model.config;

import java.util.Set;

/**
 * A service-provider check for keys whose values have a grammar owned by another module (the path template,
 * the checksum list, the path rules, the binary-access policy). Implementations are found with
 * {@link java.util.ServiceLoader} (register them in {@code META-INF/services/org.omerosdk.model.config.ConfigValidator})
 * and run after the value passed the check for its {@link ConfigKey.Kind}.
 */
public interface ConfigValidator {
    /** The OMERO names of the keys this validator checks. */
    Set<String> keys();

    /**
     * Accepts {@code value} for {@code key} or throws {@link org.omerosdk.model.ValidationException} with a
     * message naming the key, the value and what would be accepted.
     */
    void validate(String key, String value);
}
