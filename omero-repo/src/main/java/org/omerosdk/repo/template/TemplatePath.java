package org.omerosdk.repo.template;

import java.util.ArrayList;
import java.util.List;

/** The directory an import receives: its root-owned and user-owned components, relative to the repository root. */
public record TemplatePath(List<String> rootOwned, List<String> userOwned) {
    public TemplatePath {
        rootOwned = List.copyOf(rootOwned);
        userOwned = List.copyOf(userOwned);
    }

    /** All components. */
    public List<String> components() {
        List<String> all = new ArrayList<>(rootOwned);
        all.addAll(userOwned);
        return List.copyOf(all);
    }

    /** The path as {@code a/b/c}. */
    public String path() {
        return String.join("/", components());
    }

    @Override
    public String toString() {
        return path();
    }
}
