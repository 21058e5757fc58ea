package org.omerosdk.repo;

import java.util.List;
import org.omerosdk.repo.template.TemplatePath;

/**
 * Where one fileset goes: the template directory created for it, the shared path below which its files keep their
 * client structure, and each file's repository key, in the client's order.
 */
public record ImportLocation(TemplatePath templateDirectory, String sharedPath, List<String> clientPaths,
                             List<String> keys, long ownerId) {
    public ImportLocation {
        clientPaths = List.copyOf(clientPaths);
        keys = List.copyOf(keys);
    }

    /** OMERO's fileset templatePrefix: the template directory with a trailing {@code /}. */
    public String templatePrefix() {
        return templateDirectory.path() + "/";
    }

    /** The import log's key: a sibling of the template directory, as in OMERO. */
    public String logKey() {
        return templateDirectory.path() + ".log";
    }
}
