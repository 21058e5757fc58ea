package org.omerosdk.sdk;

import java.util.Optional;

/**
 * The hook where read permissions are enforced (issue 3): given the caller and the queried type, an extra HQL
 * condition over the alias {@code o} (parameters from {@link SecurityContext} only). Applied by {@link QueryPath}
 * to every query, so no read path can bypass it. {@link #NONE} adds nothing (the SDK's own bookkeeping).
 */
interface ReadFilter {
    ReadFilter NONE = (ctx, type) -> Optional.empty();

    Optional<String> condition(SecurityContext ctx, Class<?> type);

    /**
     * The condition on event log rows under another alias than {@code o}, for subqueries over the history (an
     * event filter naming the object it touched must not find rows the caller may not see).
     */
    default Optional<String> logCondition(SecurityContext ctx, String alias) {
        return Optional.empty();
    }

    /** Forgets what is cached about a group whose level just changed through this instance. */
    default void groupChanged(long groupId) {
    }
}
