package org.omerosdk.sdk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.omerosdk.model.display.Thumbnail;
import org.omerosdk.model.fs.OriginalFile;
import org.omerosdk.model.store.BinaryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binary files (originals, thumbnails) of deleted objects leave the store only after the deleting transaction
 * commits. Before the commit their keys are written to a journal in the store itself; after it, the files and then
 * the journal are removed. A crash in between leaves the journal, which the next open finishes: it removes each
 * file no row refers to any more (a transaction that never committed still has its rows, so its files stay).
 */
final class BinaryCleanup {
    private static final Logger LOG = LoggerFactory.getLogger(BinaryCleanup.class);
    static final String JOURNALS = ".omero-sdk/pending-deletes/";

    private BinaryCleanup() {
    }

    /** Writes the journal for {@code keys}; returns its key (or null when there is nothing to remove). */
    static String journal(BinaryStore store, List<String> keys) {
        if (keys.isEmpty()) {
            return null;
        }
        String key = JOURNALS + UUID.randomUUID();
        store.put(key, String.join("\n", keys).getBytes(StandardCharsets.UTF_8));
        return key;
    }

    /** After the commit: removes the files, then the journal. */
    static void finish(BinaryStore store, String journal, List<String> keys) {
        if (journal == null) {
            return;
        }
        for (String k : keys) {
            try {
                store.delete(k);
            } catch (RuntimeException e) {
                // the journal stays; the next open tries again
                LOG.warn("omero-sdk: could not remove {} after its delete committed: {}", k, e.getMessage());
                return;
            }
        }
        store.delete(journal);
    }

    /** On open: finishes the journals a crash left, removing only files no stored row refers to. */
    static int resume(Store system, BinaryStore store) {
        int removed = 0;
        for (String journal : store.list(JOURNALS)) {
            List<String> keys = new ArrayList<>();
            for (String k : new String(store.read(journal), StandardCharsets.UTF_8).split("\n")) {
                if (!k.isBlank()) {
                    keys.add(k);
                }
            }
            for (String k : keys) {
                boolean used = system.read(Bootstrap.SYSTEM_CONTEXT, q -> q.count(Select.from(OriginalFile.class)
                        .where("concat(o.path, o.name) = :v", k)) + q.count(Select.from(Thumbnail.class)
                        .where("o.ref = :v", k)) > 0);
                if (!used && store.exists(k)) {
                    store.delete(k);
                    removed++;
                }
            }
            store.delete(journal);
        }
        return removed;
    }
}
