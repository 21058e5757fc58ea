package org.omerosdk.sdk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.omerosdk.model.display.Thumbnail;
import org.omerosdk.model.fs.Fileset;
import org.omerosdk.model.fs.OriginalFile;
import org.omerosdk.model.store.BinaryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binary files (originals, thumbnails, and what an import derived from a fileset under its {@code .omero-pixels/}:
 * pyramids, thumbnails, the companion file) of deleted objects leave the store only after the deleting transaction
 * commits. Before the commit their keys are written to a journal in the store itself; after it, the files and then
 * the journal are removed. A crash in between leaves the journal, which the next open of the repository finishes
 * ({@link OmeroSdk#repository}): it removes each file no row refers to any more (a transaction that never committed
 * still has its rows, so its files stay). A journal line ending in {@code /} names a fileset's derived prefix:
 * everything below it goes, unless a fileset of that templatePrefix still exists.
 */
final class BinaryCleanup {
    private static final Logger LOG = LoggerFactory.getLogger(BinaryCleanup.class);
    static final String JOURNALS = ".omero-sdk/pending-deletes/";

    private BinaryCleanup() {
    }

    /** The journal line for what the import derived from the fileset whose templatePrefix is {@code prefix}. */
    static String derivedPrefix(String templatePrefix) {
        return templatePrefix + FilesetImport.DERIVED;
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
                if (k.endsWith("/")) {
                    for (String derived : store.list(k)) {
                        store.delete(derived);
                    }
                } else {
                    store.delete(k);
                }
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
                if (k.endsWith("/")) {
                    String templatePrefix = k.substring(0, k.length() - FilesetImport.DERIVED.length());
                    boolean used = !k.endsWith(FilesetImport.DERIVED) || system.read(Bootstrap.SYSTEM_CONTEXT,
                            q -> q.count(Select.from(Fileset.class).where("o.templatePrefix = :v", templatePrefix))
                                    > 0);
                    if (!used) {
                        for (String derived : store.list(k)) {
                            store.delete(derived);
                            removed++;
                        }
                    }
                    continue;
                }
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
