package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The id translation is a permutation that puts the system rows at OMERO's ids, whatever ids they have. */
class WellKnownIdsTest {
    private static void assertPermutation(long[] from, long[] to) {
        Map<Long, Long> map = WellKnownIds.permutation(from, to);
        for (int i = 0; i < from.length; i++) {
            assertEquals(to[i], map.get(from[i]));
        }
        // on every id that occurs, the mapping is one to one
        Set<Long> images = new HashSet<>();
        for (long id = -5; id < 200; id++) {
            images.add(map.getOrDefault(id, id));
        }
        assertEquals(205, images.size());
    }

    @Test
    void systemRowsTakeOmerosIdsWithoutCollisions() {
        assertPermutation(new long[] {1, 2, 3}, new long[] {0, 1, 2});      // our bootstrap's ids
        assertPermutation(new long[] {101, 102}, new long[] {0, 1});         // root and guest
        assertPermutation(new long[] {0, 1, 2}, new long[] {0, 1, 2});       // already OMERO's
        assertPermutation(new long[] {2, 0, 7}, new long[] {0, 1, 2});       // overlapping in odd ways
    }
}
