package org.omerosdk.sdk;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.model.meta.GroupExperimenterMap;
import org.omerosdk.model.meta.Password;
import org.omerosdk.permissions.auth.PasswordHasher;

/** Users, groups and memberships (OMERO's IAdmin), in the session's context. */
public final class Admin {
    private final Session session;
    private final PasswordHasher hasher;

    Admin(Session session, PasswordHasher hasher) {
        this.session = session;
        this.hasher = hasher;
    }

    /**
     * Creates a group at one of the four standard levels.
     *
     * @throws ValidationException when a group of that name exists
     */
    public ExperimenterGroup createGroup(String name, Permissions.Level level) {
        Objects.requireNonNull(level, "level");
        return session.write((q, w) -> {
            if (q.first(Select.from(ExperimenterGroup.class).whereEquals("o.name", name)).isPresent()) {
                throw new ValidationException("group \"" + name + "\" exists already; group names are unique");
            }
            ExperimenterGroup g = new ExperimenterGroup(name);
            g.details().assignOwnership(null, null, level.permissions());
            return w.create(g);
        });
    }

    /**
     * Creates a user who is a member of {@code groups} (the first is the default group) and of the {@code user}
     * group, without a password (set one with {@link #setPassword}). Administrators with ModifyUser may, and — as
     * in OMERO — owners of every one of {@code groups}.
     *
     * @throws ValidationException when the login name is taken or no group is given
     * @throws SecurityViolation  when the caller may not create users, or not in one of these groups
     */
    public Experimenter createUser(String omeName, String firstName, String lastName, ExperimenterGroup... copies) {
        UserNames.check(omeName);
        if (copies.length == 0) {
            throw new ValidationException("user \"" + omeName + "\" needs at least one group (the default group)");
        }
        return session.write((q, w) -> {
            SecurityContext ctx = q.context();
            // decided on the stored groups, never on the caller's copies
            List<ExperimenterGroup> groups = new java.util.ArrayList<>();
            for (ExperimenterGroup copy : copies) {
                groups.add(Containers.load(q, copy));
            }
            boolean byOwner = !ctx.has(org.omerosdk.permissions.AdminPrivilege.MODIFY_USER);
            if (byOwner) {
                for (ExperimenterGroup g : groups) {
                    if (!ctx.ownerOf().contains(g.id()) || g.id() == session.ids().userGroup) {
                        throw new SecurityViolation("user \"" + session.user().omeName() + "\" may not create users "
                                + "in group \"" + g.name() + "\": administrators with ModifyUser may, and owners "
                                + "of all the new user's groups");
                    }
                }
            }
            if (q.first(Select.from(Experimenter.class).whereEquals("o.omeName", omeName)).isPresent()) {
                throw new ValidationException("user \"" + omeName + "\" exists already; login names are unique");
            }
            if (groups.stream().anyMatch(g -> g.id() == session.ids().systemGroup)) {
                // a new member of system holds every privilege
                checkNoElevation(ctx, omeName, java.util.EnumSet.noneOf(org.omerosdk.permissions.AdminPrivilege.class),
                        java.util.EnumSet.allOf(org.omerosdk.permissions.AdminPrivilege.class));
            }
            Experimenter created = new Experimenter(omeName, firstName, lastName);
            Experimenter e = byOwner ? w.createUnchecked(created) : w.create(created);
            for (ExperimenterGroup g : groups) {
                w.create(new GroupExperimenterMap(g, e, false));
            }
            ExperimenterGroup userGroup = q.first(Select.from(ExperimenterGroup.class)
                    .whereEquals("o.name", Bootstrap.USER)).orElseThrow();
            // every user is in "user" (OMERO's createUser adds it with the server's own rights)
            w.createUnchecked(new GroupExperimenterMap(userGroup, e, false));
            w.hibernate().persist(new Password(e.id(), null));
            return e;
        });
    }

    /**
     * Sets (replaces) a user's password; the hash is salted PBKDF2.
     *
     * @throws ValidationException for an empty password while {@code omero.security.password_required} is true
     */
    public void setPassword(Experimenter user, char[] password) {
        String hash;
        if (password.length == 0) {
            if (session.sdk().config().getBoolean(org.omerosdk.model.config.ConfigKeys.SECURITY_PASSWORD_REQUIRED)) {
                throw new ValidationException("the password of \"" + user.omeName() + "\" cannot be empty: "
                        + "omero.security.password_required is true");
            }
            // an empty hash: logs in with an empty password only (see Authenticator)
            hash = "";
        } else {
            hash = hasher.hash(password);
        }
        session.write((q, w) -> {
            // decided on the stored user, never on the caller's copy
            Experimenter stored = Containers.load(q, user);
            java.util.Set<org.omerosdk.permissions.AdminPrivilege> targets = held(q, stored.id());
            targets.removeAll(q.context().privileges());
            if (!targets.isEmpty()) {
                throw new SecurityViolation("user \"" + session.user().omeName() + "\" may not change the password "
                        + "of \"" + stored.omeName() + "\", who holds privileges the caller does not (" + targets
                        + "): nobody changes the password of a more privileged user");
            }
            Password p = w.hibernate().find(Password.class, stored.id());
            if (!firstPasswordByOwner(q, stored, p)) {
                w.checked(org.omerosdk.model.meta.EventLog.Action.UPDATE, stored);
            }
            if (p == null) {
                w.hibernate().persist(new Password(stored.id(), hash));
            } else {
                p.setHash(hash);
            }
            return null;
        });
    }

    /**
     * Sets a group's own {@code omero.policy.binary_access} value (null or blank: the server's alone), which
     * combines with the server's pessimistically (see {@link org.omerosdk.permissions.BinaryAccessPolicy}).
     *
     * @throws ValidationException for a malformed value, naming the entry
     */
    public ExperimenterGroup setBinaryAccess(ExperimenterGroup group, String value) {
        if (value != null && !value.isBlank()) {
            org.omerosdk.permissions.BinaryAccessPolicy.parse("").withGroup(value);
        }
        return session.write((q, w) -> {
            ExperimenterGroup g = q.byId(ExperimenterGroup.class, group.id())
                    .orElseThrow(() -> new NotFoundException("no group " + group.id()));
            g.setBinaryAccess(value);
            return w.update(g);
        });
    }

    /**
     * Maps {@code group} to {@code folder} (BIOMERO's group folder mapping): from now on every import into the group
     * must come from files inside the folder (symbolic links resolved), by the transfers {@code transfer} allows.
     * Replaces the group's earlier mapping. Mapped folders never nest: a folder inside (or around) another group's
     * is refused, so "inside my folder" never includes another group's folder.
     *
     * @throws SecurityViolation  unless the caller is an administrator holding ModifyGroup
     * @throws ValidationException when the folder is not an existing directory, or nests with another group's
     * @throws NotFoundException   when the group does not exist
     */
    public ImportFolder setImportFolder(ExperimenterGroup group, java.nio.file.Path folder,
                                        ImportFolder.Transfer transfer) {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(transfer, "transfer");
        java.nio.file.Path real = ImportFolders.realDirectory(folder);
        return session.write((q, w) -> {
            requireImportFolderAdmin(q.context(), "map groups to import folders");
            ExperimenterGroup g = Containers.load(q, group);
            for (ImportFolder other : ImportFolders.all(q.hibernate())) {
                if (other.groupId() != g.id() && (real.startsWith(other.folder()) || other.folder().startsWith(real))) {
                    throw new ValidationException("import folder " + real + " for group \"" + g.name()
                            + "\" nests with " + other.folder() + ", the import folder of group \""
                            + other.groupName() + "\"; mapped folders must not lie inside one another");
                }
            }
            ImportFolders.put(w.hibernate(), g.id(), real, transfer);
            w.logged(List.of(new WritePath.BulkChange(org.omerosdk.model.meta.EventLog.Action.UPDATE,
                    "ExperimenterGroup", g.id(), g.id())));
            return new ImportFolder(g.id(), g.name(), real, transfer);
        });
    }

    /**
     * Removes {@code group}'s folder mapping (its imports may come from anywhere again); false when it had none.
     *
     * @throws SecurityViolation unless the caller is an administrator holding ModifyGroup
     */
    public boolean removeImportFolder(ExperimenterGroup group) {
        return session.write((q, w) -> {
            requireImportFolderAdmin(q.context(), "remove import folder mappings");
            ExperimenterGroup g = Containers.load(q, group);
            boolean removed = ImportFolders.remove(w.hibernate(), g.id());
            if (removed) {
                w.logged(List.of(new WritePath.BulkChange(org.omerosdk.model.meta.EventLog.Action.UPDATE,
                        "ExperimenterGroup", g.id(), g.id())));
            }
            return removed;
        });
    }

    /**
     * Every group folder mapping, by group name.
     *
     * @throws SecurityViolation unless the caller is an administrator
     */
    public List<ImportFolder> importFolders() {
        return session.read(q -> {
            if (!q.context().admin()) {
                throw new SecurityViolation("user \"" + session.user().omeName() + "\" may not list the import "
                        + "folder mappings: administrators may (a member sees their group's with "
                        + "imports().folder())");
            }
            return ImportFolders.all(q.hibernate());
        });
    }

    private void requireImportFolderAdmin(SecurityContext ctx, String what) {
        if (!ctx.has(org.omerosdk.permissions.AdminPrivilege.MODIFY_GROUP)) {
            throw new SecurityViolation("user \"" + session.user().omeName() + "\" may not " + what
                    + ": administrators holding ModifyGroup may");
        }
    }

    /**
     * Removes {@code user} from {@code group}, as OMERO's removeGroups does: administrators and the group's owners
     * may; a user must keep a group besides {@code user} (which is also the default group then), and nobody leaves
     * {@code system} or {@code user} by this call on themself; {@code root} never leaves them.
     *
     * @throws SecurityViolation  when the caller is neither an administrator nor an owner of the group
     * @throws ValidationException when the user would be left without a group, naming the rule
     */
    public void removeFromGroup(Experimenter userCopy, ExperimenterGroup groupCopy) {
        session.write((q, w) -> {
            SecurityContext ctx = q.context();
            // decided on the stored rows: a copy of system renamed "not-system" is still system
            Experimenter user = Containers.load(q, userCopy);
            ExperimenterGroup group = Containers.load(q, groupCopy);
            // who may ask comes first: the membership rules below say things about the user
            if (!ctx.has(org.omerosdk.permissions.AdminPrivilege.MODIFY_GROUP_MEMBERSHIP)
                    && !ctx.ownerOf().contains(group.id())) {
                throw new SecurityViolation("user \"" + session.user().omeName() + "\" may not remove members of \""
                        + group.name() + "\": only its owners and administrators (ModifyGroupMembership) may");
            }
            // system and user by the stored ids, never by a name
            boolean special = group.id() == session.ids().systemGroup || group.id() == session.ids().userGroup;
            if (special && (user.id() == Bootstrap.rootId(q) || user.id() == ctx.realUserId())) {
                throw new ValidationException("\"" + user.omeName() + "\" cannot be removed from group \""
                        + group.name() + "\"" + (user.id() == Bootstrap.rootId(q) ? ": root always belongs to it"
                        : ": nobody removes themself from it"));
            }
            List<GroupExperimenterMap> memberships = q.list(Select.from(GroupExperimenterMap.class)
                    .join("join fetch o.parent").whereEquals("o.child.id", user.id()));
            GroupExperimenterMap m = memberships.stream().filter(x -> x.parent().id() == group.id()).findFirst()
                    .orElseThrow(() -> new NotFoundException("\"" + user.omeName() + "\" is not a member of \""
                            + group.name() + "\""));
            long others = memberships.stream().filter(x -> x.parent().id() != group.id()
                    && x.parent().id() != session.ids().userGroup).count();
            if (others == 0 && group.id() != session.ids().userGroup) {
                throw new ValidationException("\"" + user.omeName() + "\" cannot leave \"" + group.name()
                        + "\": a user must remain a member of some group besides user, which is the default group");
            }
            w.delete(m);
            return null;
        });
    }

    /**
     * Changes a group's level (OMERO's chmod), or with {@code dryRun} only reports what would change. Group
     * owners and administrators may; any level may be set through the API (only OMERO.web's form keeps owners
     * from choosing Read-Write). See {@link LevelChange} for what a downgrade to Private removes.
     *
     * @throws SecurityViolation when the caller neither owns the group nor is an administrator
     */
    public LevelChange changeLevel(ExperimenterGroup group, Permissions.Level level, boolean dryRun) {
        Objects.requireNonNull(level, "level");
        LevelChange change = session.write((q, w) -> {
            SecurityContext ctx = q.context();
            if (!ctx.has(org.omerosdk.permissions.AdminPrivilege.MODIFY_GROUP) && !ctx.ownerOf().contains(group.id())) {
                throw new SecurityViolation("user \"" + session.user().omeName() + "\" may not change the level of "
                        + "group \"" + group.name() + "\": only its owners and administrators (ModifyGroup) may");
            }
            ExperimenterGroup g = q.byId(ExperimenterGroup.class, group.id())
                    .orElseThrow(() -> new NotFoundException("no group " + group.id()));
            Permissions.Level from = g.permissions().level().orElse(Permissions.Level.PRIVATE);
            boolean dropsRead = level == Permissions.Level.PRIVATE && from != Permissions.Level.PRIVATE;
            List<String> blockers = dropsRead ? GroupDowngrade.blockers(w.hibernate(), g.id()) : List.of();
            if (!blockers.isEmpty() && !dryRun) {
                throw new ValidationException("group \"" + g.name() + "\" cannot become Private: "
                        + String.join("; ", blockers) + " (nothing was changed)");
            }
            List<String> removed = dropsRead ? GroupDowngrade.apply(w, g.id(), dryRun || !blockers.isEmpty())
                    : List.of();
            if (!dryRun && from != level) {
                g.details().assignOwnership(null, null, level.permissions());
                w.update(g);
            }
            return new LevelChange(g.name(), from, level, removed, blockers, !dryRun);
        });
        if (!dryRun) {
            session.sdk().store().groupChanged(group.id());
        }
        return change;
    }

    /**
     * Sets the administrator privileges a member of {@code system} holds (OMERO's restricted administrators); the
     * rest are taken away. Needs ModifyUser; {@code root} cannot be restricted, and — as OMERO's
     * assertNoPrivilegeElevation — the privileges the user gains by it must all be held by the caller (taking
     * privileges away is not granting). For a user outside {@code system} the setting applies once they join it.
     *
     * @throws SecurityViolation  when the caller lacks ModifyUser or one of the privileges the user would gain
     * @throws ValidationException for root
     */
    public Experimenter setAdminPrivileges(Experimenter user, java.util.Set<org.omerosdk.permissions.AdminPrivilege>
            privileges) {
        return session.write((q, w) -> {
            SecurityContext ctx = q.context();
            if (!ctx.has(org.omerosdk.permissions.AdminPrivilege.MODIFY_USER)) {
                throw new SecurityViolation("user \"" + session.user().omeName() + "\" may not change the "
                        + "privileges of \"" + user.omeName() + "\": only administrators holding ModifyUser may");
            }
            if (user.id() == session.ids().root) {
                throw new ValidationException("root always holds every administrator privilege");
            }
            SessionLimits.Memberships target = SessionLimits.Memberships.of(q, user.id(), session.ids());
            Experimenter e = q.byId(Experimenter.class, user.id())
                    .orElseThrow(() -> new NotFoundException("no user " + user.id()));
            java.util.Set<org.omerosdk.permissions.AdminPrivilege> after = target.admin()
                    ? java.util.EnumSet.copyOf(privileges.isEmpty()
                            ? java.util.EnumSet.noneOf(org.omerosdk.permissions.AdminPrivilege.class) : privileges)
                    : java.util.EnumSet.noneOf(org.omerosdk.permissions.AdminPrivilege.class);
            checkNoElevation(ctx, e.omeName(), target.privileges(), after);
            java.util.Set<org.omerosdk.permissions.AdminPrivilege> removed = java.util.EnumSet.allOf(
                    org.omerosdk.permissions.AdminPrivilege.class);
            removed.removeAll(privileges);
            e.setAdminRestrictions(String.join(",", removed.stream().map(Enum::name).toList()));
            return w.update(e);
        });
    }

    /**
     * OMERO's assertNoPrivilegeElevation: what {@code userName} gains, going from {@code before} to {@code after},
     * the caller must hold.
     */
    private void checkNoElevation(SecurityContext ctx, String userName,
                                  java.util.Set<org.omerosdk.permissions.AdminPrivilege> before,
                                  java.util.Set<org.omerosdk.permissions.AdminPrivilege> after) {
        java.util.Set<org.omerosdk.permissions.AdminPrivilege> gained = java.util.EnumSet.noneOf(
                org.omerosdk.permissions.AdminPrivilege.class);
        gained.addAll(after);
        gained.removeAll(before);
        gained.removeAll(ctx.privileges());
        if (!gained.isEmpty()) {
            throw new SecurityViolation("user \"" + session.user().omeName() + "\" may not give \"" + userName
                    + "\" the privileges " + gained + ": nobody grants a privilege they do not hold");
        }
    }

    /** What {@code userId} holds as stored now: all 15 minus restrictions for a member of system, else none. */
    private java.util.Set<org.omerosdk.permissions.AdminPrivilege> held(QueryPath q, long userId) {
        return SessionLimits.Memberships.of(q, userId, session.ids()).privileges();
    }

    /** The privileges {@code user} holds: all 15 minus their restrictions for a member of system, else none. */
    public java.util.Set<org.omerosdk.permissions.AdminPrivilege> adminPrivileges(Experimenter user) {
        return session.read(q -> held(q, user.id()));
    }

    /**
     * OMERO lets a group owner set the first password of a user they created: one without a password yet, all of
     * whose groups besides {@code user} the caller owns.
     */
    private static boolean firstPasswordByOwner(QueryPath q, Experimenter user, Password p) {
        SecurityContext ctx = q.context();
        if (ctx.ownerOf().isEmpty() || p != null && p.hash().isPresent()) {
            return false;
        }
        List<GroupExperimenterMap> memberships = q.list(Select.from(GroupExperimenterMap.class)
                .join("join fetch o.parent").whereEquals("o.child.id", user.id()));
        long userGroup = Bootstrap.userGroupId(q);
        return !memberships.isEmpty() && memberships.stream().allMatch(m -> m.parent().id() == userGroup
                || ctx.ownerOf().contains(m.parent().id()));
    }

    /**
     * Adds {@code user} to {@code group}, as an owner of it when {@code owner}; updates the flag if a member. The
     * group's owners and administrators holding ModifyGroupMembership may; only the latter add a user holding
     * privileges (a member of {@code system}) to a group, and adding to {@code system} must not give the user a
     * privilege the caller does not hold.
     *
     * @throws SecurityViolation when the caller may not add members to the group, a group owner adds a privileged
     *                           user, or the user would gain privileges the caller does not hold
     */
    public GroupExperimenterMap addToGroup(Experimenter user, ExperimenterGroup group, boolean owner) {
        return session.write((q, w) -> {
            SecurityContext ctx = q.context();
            // decided on the stored rows, and who may ask comes before everything, a no-op included
            ExperimenterGroup storedGroup = Containers.load(q, group);
            Containers.load(q, user);
            if (!ctx.has(org.omerosdk.permissions.AdminPrivilege.MODIFY_GROUP_MEMBERSHIP)
                    && !ctx.ownerOf().contains(storedGroup.id())) {
                throw new SecurityViolation("user \"" + session.user().omeName() + "\" may not change the members "
                        + "of \"" + storedGroup.name() + "\": only its owners and administrators "
                        + "(ModifyGroupMembership) may");
            }
            Optional<GroupExperimenterMap> existing = q.first(membership(user, group));
            SessionLimits.Memberships target = SessionLimits.Memberships.of(q, user.id(), session.ids());
            if (existing.isEmpty() && target.admin()
                    && !ctx.has(org.omerosdk.permissions.AdminPrivilege.MODIFY_GROUP_MEMBERSHIP)) {
                // an owner could otherwise group-sudo into the administrator (issue 10)
                throw new SecurityViolation("user \"" + session.user().omeName() + "\" may not add \""
                        + target.name + "\" to group " + group.id() + ": \"" + target.name + "\" holds "
                        + "administrator privileges (a member of system), and only administrators holding "
                        + "ModifyGroupMembership add privileged users to groups");
            }
            if (existing.isEmpty() && group.id() == session.ids().systemGroup) {
                Experimenter e = q.byId(Experimenter.class, user.id())
                        .orElseThrow(() -> new NotFoundException("no user " + user.id()));
                checkNoElevation(ctx, e.omeName(), target.privileges(), SessionLimits.privilegesOf(e));
            }
            if (existing.isPresent()) {
                GroupExperimenterMap m = existing.get();
                if (m.isOwner() != owner) {
                    m.setOwner(owner);
                    return w.update(m);
                }
                return m;
            }
            return w.create(new GroupExperimenterMap(q.byId(ExperimenterGroup.class, group.id()).orElseThrow(),
                    q.byId(Experimenter.class, user.id()).orElseThrow(), owner));
        });
    }

    public Optional<ExperimenterGroup> findGroup(String name) {
        return session.read(q -> q.first(Select.from(ExperimenterGroup.class).whereEquals("o.name", name)));
    }

    public Optional<Experimenter> findUser(String omeName) {
        return session.read(q -> q.first(Select.from(Experimenter.class).whereEquals("o.omeName", omeName)));
    }

    /** @throws NotFoundException naming the group */
    public ExperimenterGroup group(String name) {
        return findGroup(name).orElseThrow(() -> new NotFoundException("no group named \"" + name + "\""));
    }

    /** @throws NotFoundException naming the user */
    public Experimenter user(String omeName) {
        return findUser(omeName).orElseThrow(() -> new NotFoundException("no user named \"" + omeName + "\""));
    }

    public List<ExperimenterGroup> groups() {
        return session.read(q -> q.list(Select.from(ExperimenterGroup.class)));
    }

    /** The groups {@code user} belongs to, default group first. */
    public List<ExperimenterGroup> groupsOf(Experimenter user) {
        return session.read(q -> q.list(Select.from(GroupExperimenterMap.class).join("join fetch o.parent")
                .whereEquals("o.child.id", user.id())).stream().map(GroupExperimenterMap::parent).toList());
    }

    /** The members of {@code group}, with the owner flag of each. */
    public List<GroupExperimenterMap> members(ExperimenterGroup group) {
        return session.read(q -> q.list(Select.from(GroupExperimenterMap.class).join("join fetch o.child")
                .join("join fetch o.parent").whereEquals("o.parent.id", group.id())));
    }

    private static Select<GroupExperimenterMap> membership(Experimenter user, ExperimenterGroup group) {
        return Select.from(GroupExperimenterMap.class).whereEquals("o.parent.id", group.id())
                .whereEquals("o.child.id", user.id());
    }
}
