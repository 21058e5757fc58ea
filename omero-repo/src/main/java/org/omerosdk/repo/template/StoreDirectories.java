package org.omerosdk.repo.template;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.store.BinaryStore;

/**
 * Repository directories kept in a {@link BinaryStore} (which has only objects, no directories): a directory is a
 * marker object {@value #MARKER} inside it, holding the id of the user who owns it (0 for root-owned ones), or any
 * object below it. Creation is atomic within one JVM; several SDK instances sharing one store must also rely on the
 * database's unique fileset paths.
 */
public final class StoreDirectories implements RepositoryDirectories {
    /** The name of the marker object of a directory. */
    public static final String MARKER = ".omero-dir";
    /**
     * Names beginning with this are the repository's own (the marker, {@code .omero-pixels/} of an import); a
     * client's file of such a name is stored under another (see {@code ManagedRepository#prepare}).
     */
    public static final String RESERVED_PREFIX = ".omero-";

    private final BinaryStore store;

    public StoreDirectories(BinaryStore store) {
        this.store = store;
    }

    private static String join(List<String> path) {
        return String.join("/", path);
    }

    @Override
    public boolean exists(List<String> path) {
        if (path.isEmpty()) {
            return true;
        }
        String p = join(path);
        return store.exists(p + "/" + MARKER) || store.exists(p) || !store.list(p + "/").isEmpty();
    }

    @Override
    public int entryCount(List<String> path) {
        String prefix = path.isEmpty() ? "" : join(path) + "/";
        Set<String> children = new TreeSet<>();
        for (String key : store.list(prefix)) {
            String rest = key.substring(prefix.length());
            int slash = rest.indexOf('/');
            String child = slash < 0 ? rest : rest.substring(0, slash);
            if (!child.equals(MARKER) && !child.startsWith(RESERVED_PREFIX)) {
                children.add(child);
            }
        }
        return children.size();
    }

    @Override
    public synchronized void createWithParents(List<String> path, long owner) {
        for (int i = 1; i <= path.size(); i++) {
            String marker = join(path.subList(0, i)) + "/" + MARKER;
            if (!store.exists(marker)) {
                store.put(marker, ("owner=" + owner + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Override
    public synchronized boolean createNew(List<String> path, long owner) {
        if (exists(path)) {
            return false;
        }
        createWithParents(path, owner);
        return true;
    }

    /** The owner recorded for the directory at {@code path}: 0 for root-owned, empty when it is not a directory. */
    public Optional<Long> owner(List<String> path) {
        String marker = join(path) + "/" + MARKER;
        try {
            String text = new String(store.read(marker), StandardCharsets.UTF_8).trim();
            return Optional.of(Long.parseLong(text.substring(text.indexOf('=') + 1)));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
