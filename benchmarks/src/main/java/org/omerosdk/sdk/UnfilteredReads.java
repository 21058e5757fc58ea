package org.omerosdk.sdk;

import java.util.List;
import org.omerosdk.model.core.Image;

/**
 * Benchmark-only access to the SDK's read path without the permission filter (in the SDK's package, on the
 * benchmarks' class path only), so that {@code benchmarks/run permissions} compares the same Hibernate query with
 * and without the filter's condition.
 */
public final class UnfilteredReads {
    private UnfilteredReads() {
    }

    /** One page of a group's images by id, as an unfiltered query. */
    public static List<Image> images(OmeroSdk sdk, long groupId, int offset, int limit) {
        return sdk.store().unfiltered().read(Bootstrap.SYSTEM_CONTEXT, q -> q.list(Select.from(Image.class)
                .whereEquals("o.details.groupId", groupId).page(offset, limit)));
    }

    /** How many images a group has, unfiltered. */
    public static long count(OmeroSdk sdk, long groupId) {
        return sdk.store().unfiltered().read(Bootstrap.SYSTEM_CONTEXT, q -> q.count(Select.from(Image.class)
                .whereEquals("o.details.groupId", groupId)));
    }
}
