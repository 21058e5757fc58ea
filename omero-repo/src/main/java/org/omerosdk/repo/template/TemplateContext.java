package org.omerosdk.repo.template;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.Permissions;

/**
 * What a path template is expanded with: who imports, in which group and session, when, and the fileset's client
 * paths (for {@code %hash%}).
 *
 * @param clientPaths the fileset's client paths, {@code /}-separated, client-sanitised, no leading {@code /}
 */
public record TemplateContext(String userName, long userId, String groupName, long groupId,
                              Permissions groupPermissions, String sessionUuid, long sessionId,
                              Optional<String> institution, ZonedDateTime time, String threadName,
                              List<String> clientPaths) {
    public TemplateContext {
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(groupName, "groupName");
        Objects.requireNonNull(groupPermissions, "groupPermissions");
        Objects.requireNonNull(sessionUuid, "sessionUuid");
        Objects.requireNonNull(institution, "institution");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(threadName, "threadName");
        clientPaths = List.copyOf(clientPaths);
    }
}
