package org.omerosdk.sdk;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.omerosdk.model.fs.Fileset;
import org.omerosdk.model.fs.OriginalFile;
import org.omerosdk.model.display.Thumbnail;
import org.omerosdk.model.store.BinaryStore;
import org.omerosdk.repo.store.FileSystemBinaryStore;
import org.omerosdk.repo.store.WriterIds;
import org.omerosdk.repo.template.StoreDirectories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a JVM killed mid-import leaves, and the next open removes: an import writes a journal naming its fileset
 * directory (and the JVM writing it, see {@link WriterIds}) before it places any file, and removes the journal once
 * its files are recorded or removed again. A journal whose JVM is gone marks a directory whose files no committed
 * row may describe: on open, those files are removed — each one only after the database confirms that no
 * OriginalFile, Thumbnail or Fileset records it — and so are the store's unfinished writes ({@code .part} files) of
 * JVMs that are gone. Both are reported in the log.
 */
final class ImportJournal {
    private static final Logger LOG = LoggerFactory.getLogger(ImportJournal.class);
    static final String JOURNALS = ".omero-sdk/imports/";

    private ImportJournal() {
    }

    /** Before the first file of the fileset under {@code templatePrefix} is placed; returns the journal's key. */
    static String begin(BinaryStore store, String templatePrefix) {
        String key = JOURNALS + WriterIds.current() + "_" + UUID.randomUUID();
        store.put(key, (templatePrefix + "\n" + Instant.now().toEpochMilli()).getBytes(StandardCharsets.UTF_8));
        return key;
    }

    /** Once the fileset is recorded, or its files removed again; a failure leaves the journal for the next open. */
    static void end(BinaryStore store, String journal) {
        try {
            store.delete(journal);
        } catch (RuntimeException e) {
            LOG.warn("omero-sdk: could not remove the import journal {}: {}", journal, e.getMessage());
        }
    }

    /** On open: cleans after the imports of JVMs that are gone; returns the number of files removed. */
    static int resume(Store system, BinaryStore store) {
        int removed = 0;
        if (store instanceof FileSystemBinaryStore fs) {
            int parts = fs.removeAbandonedWrites();
            if (parts > 0) {
                LOG.warn("omero-sdk: removed {} unfinished writes (.part files) left in {} by a JVM that is gone",
                        parts, fs.root().resolve(FileSystemBinaryStore.STAGING));
            }
            removed += parts;
        }
        for (String journal : store.list(JOURNALS)) {
            String name = journal.substring(JOURNALS.length());
            String[] text = new String(store.read(journal), StandardCharsets.UTF_8).split("\n");
            Instant started = text.length > 1 && text[1].matches("\\d+") ? Instant.ofEpochMilli(Long.parseLong(text[1]))
                    : Instant.now();
            String writer = WriterIds.of(name).orElse("");
            if (text.length == 0 || text[0].isBlank() || WriterIds.mayBeAlive(writer, started)) {
                continue;
            }
            String prefix = text[0];
            int n = clean(system, store, prefix);
            store.delete(journal);
            if (n > 0) {
                LOG.warn("omero-sdk: removed {} files below {} that an import interrupted at {} (JVM {}) placed "
                        + "but never recorded", n, prefix, started, writer);
            }
            removed += n;
        }
        return removed;
    }

    /** Removes the unrecorded files below {@code prefix}: none when its fileset was recorded after all. */
    private static int clean(Store system, BinaryStore store, String prefix) {
        boolean filesetRecorded = system.read(Bootstrap.SYSTEM_CONTEXT, q -> q.count(Select.from(Fileset.class)
                .whereEquals("o.templatePrefix", prefix))) > 0;
        if (filesetRecorded) {
            return 0;
        }
        int n = 0;
        for (String k : store.list(prefix)) {
            if (k.endsWith("/" + StoreDirectories.MARKER)) {
                continue; // the directory stays its owner's
            }
            boolean recorded = system.read(Bootstrap.SYSTEM_CONTEXT, q -> q.count(Select.from(OriginalFile.class)
                    .where("concat(o.path, o.name) = :v", k)) + q.count(Select.from(Thumbnail.class)
                    .where("o.ref = :v", k)) > 0);
            if (!recorded && store.delete(k)) {
                n++;
            }
        }
        return n;
    }
}
