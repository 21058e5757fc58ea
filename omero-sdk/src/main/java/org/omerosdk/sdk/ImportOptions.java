package org.omerosdk.sdk;

import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.screen.Screen;
import org.omerosdk.repo.TransferMode;

/**
 * One setting of an import, combined as varargs:
 *
 * <pre>{@code
 * session.imports().importFiles(paths, ImportOptions.target(dataset), ImportOptions.transfer(TransferMode.HARD_LINK),
 *         ImportOptions.listener(bar));
 * }</pre>
 *
 * Unset settings default to: no target (orphaned images; plates without a screen), {@link TransferMode#COPY}, the
 * session's own user, no listener, {@code omero.threads.background_threads} workers. A setting given twice is
 * refused.
 */
public final class ImportOptions {
    private final String name;
    private final Object value;

    private ImportOptions(String name, Object value) {
        this.name = name;
        this.value = Objects.requireNonNull(value, name);
    }

    /** Links the images (or, for a plate, the plate) to this existing dataset (or screen). */
    public static ImportOptions target(Dataset dataset) {
        return new ImportOptions("target", new Target.Existing(dataset));
    }

    /** Links the plates to this existing screen; images that are not on a plate stay orphaned. */
    public static ImportOptions target(Screen screen) {
        return new ImportOptions("target", new Target.Existing(screen));
    }

    /** Links the images to a new dataset of this name, created with the first fileset that imports. */
    public static ImportOptions newDataset(String name) {
        if (name == null || name.isBlank()) {
            throw new ValidationException("a new dataset needs a name; got \"" + name + "\"");
        }
        return new ImportOptions("target", new Target.NewDataset(name));
    }

    /** How the files get into the managed repository (default {@link TransferMode#COPY}). */
    public static ImportOptions transfer(TransferMode mode) {
        return new ImportOptions("transfer", mode);
    }

    /**
     * Imports on behalf of {@code userName}: the images, the fileset and its directory belong to that user, in the
     * session's group; the events name both. Allowed to the group's owners for its members and to administrators
     * holding the Sudo privilege (OMERO's import-as).
     */
    public static ImportOptions as(String userName) {
        return new ImportOptions("as", userName);
    }

    /** Receives the batch's progress and each fileset's report. */
    public static ImportOptions listener(ImportListener listener) {
        return new ImportOptions("listener", listener);
    }

    /** Filesets imported at the same time (default {@code omero.threads.background_threads}). */
    public static ImportOptions threads(int threads) {
        if (threads < 1) {
            throw new ValidationException("import threads = " + threads + "; at least 1");
        }
        return new ImportOptions("threads", threads);
    }

    /** Where the images of a batch go. */
    sealed interface Target {
        record Existing(org.omerosdk.model.meta.IObject container) implements Target {
        }

        record NewDataset(String name) implements Target {
        }
    }

    /** The options of one call, merged. */
    record Settings(Optional<Target> target, TransferMode mode, Optional<String> as, ImportListener listener,
                    Optional<Integer> threads) {
        static Settings of(ImportOptions... options) {
            java.util.Map<String, Object> seen = new java.util.HashMap<>();
            for (ImportOptions o : options) {
                if (seen.put(o.name, o.value) != null) {
                    throw new ValidationException("import option \"" + o.name + "\" given twice");
                }
            }
            return new Settings(Optional.ofNullable((Target) seen.get("target")),
                    (TransferMode) seen.getOrDefault("transfer", TransferMode.COPY),
                    Optional.ofNullable((String) seen.get("as")),
                    (ImportListener) seen.getOrDefault("listener", ImportListener.NONE),
                    Optional.ofNullable((Integer) seen.get("threads")));
        }
    }

    @Override
    public String toString() {
        return name + "=" + value;
    }
}
