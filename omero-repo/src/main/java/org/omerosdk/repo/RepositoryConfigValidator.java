package org.omerosdk.repo;

import java.util.Set;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.ConfigValidator;
import org.omerosdk.repo.checksum.ChecksumNegotiation;
import org.omerosdk.repo.rules.PathRules;
import org.omerosdk.repo.template.PathTemplate;

/**
 * Checks the repository's keys when they are set ({@code omero config set}), not first at import time:
 * {@code omero.fs.repo.path}, {@code omero.fs.repo.path_rules}, {@code omero.checksum.supported}.
 */
public final class RepositoryConfigValidator implements ConfigValidator {
    @Override
    public Set<String> keys() {
        return Set.of(ConfigKeys.FS_REPO_PATH.name(), ConfigKeys.FS_REPO_PATH_RULES.name(),
                ConfigKeys.CHECKSUM_SUPPORTED.name());
    }

    @Override
    public void validate(String key, String value) {
        try {
            if (key.equals(ConfigKeys.FS_REPO_PATH.name())) {
                PathTemplate.parse(value);
            } else if (key.equals(ConfigKeys.FS_REPO_PATH_RULES.name())) {
                PathRules.parse(value);
            } else if (key.equals(ConfigKeys.CHECKSUM_SUPPORTED.name())) {
                ChecksumNegotiation.parse(value);
            }
        } catch (ValidationException e) {
            throw e.getMessage().contains(key) ? e : new ValidationException(key + ": " + e.getMessage());
        }
    }
}
