package org.omerosdk.model.meta;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Optional;
import org.omerosdk.model.Permissions;

/**
 * OMERO's Details of an object: owner, group, permissions (always the group's), and the events that created and
 * last updated it. Stored as ids so that objects stay cheap to load and to pass around detached; the database
 * keeps them as foreign keys.
 *
 * <p>The SDK's write path fills these in on every save; values set by callers are overwritten. Owner and group are
 * absent only for OMERO's "global" types (users, groups, memberships), which belong to no group.
 */
@Embeddable
public class Details {
    @Column(name = "owner_id")
    private Long ownerId;
    @Column(name = "group_id")
    private Long groupId;
    @Column(name = "permissions", nullable = false)
    private Permissions permissions = Permissions.PRIVATE;
    @Column(name = "creation_id")
    private Long creationEventId;
    @Column(name = "update_id")
    private Long updateEventId;

    protected Details() {
    }

    public Optional<Long> ownerId() {
        return Optional.ofNullable(ownerId);
    }

    public Optional<Long> groupId() {
        return Optional.ofNullable(groupId);
    }

    public Permissions permissions() {
        return permissions;
    }

    public Optional<Long> creationEventId() {
        return Optional.ofNullable(creationEventId);
    }

    public Optional<Long> updateEventId() {
        return Optional.ofNullable(updateEventId);
    }

    /** Called by the write path when an object is created: who owns it, in which group, under which event. */
    public void assignCreation(Long owner, Long group, Permissions perms, long eventId) {
        this.ownerId = owner;
        this.groupId = group;
        this.permissions = perms;
        this.creationEventId = eventId;
        this.updateEventId = eventId;
    }

    /** Called by the write path on every update. */
    public void assignUpdate(long eventId) {
        this.updateEventId = eventId;
    }

    /** Called by the write path when an object moves to another group or owner. */
    public void assignOwnership(Long owner, Long group, Permissions perms) {
        this.ownerId = owner;
        this.groupId = group;
        this.permissions = perms;
    }
}
