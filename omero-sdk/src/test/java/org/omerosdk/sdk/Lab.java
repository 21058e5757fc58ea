package org.omerosdk.sdk;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.containers.Project;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.permissions.AdminPrivilege;

/**
 * A shared test fixture: one repository with a group at each level, a group owner, members, a full and a restricted
 * administrator and the public user, each member with a project named {@code user@group} in each of their groups.
 * Every user's password is {@link #PASSWORD}. Open it with {@link #open}; {@link #anotherInstance} opens a second SDK
 * on the same database.
 *
 * <pre>
 * group      level          owner  members
 * private    Private        -      ada, bob
 * readOnly   Read-only      pi     pi, ada, bob
 * annotate   Read-annotate  pi     pi, bob
 * readWrite  Read-write     -      ada, boss
 * published  Read-only      -      ada, public
 * system                           root, boss, curator (curator holds only {@link #CURATOR_PRIVILEGES})
 * </pre>
 */
final class Lab implements AutoCloseable {
    static final String PASSWORD = "pw";
    static final Set<AdminPrivilege> CURATOR_PRIVILEGES = Set.copyOf(EnumSet.of(AdminPrivilege.SUDO,
            AdminPrivilege.MODIFY_GROUP_MEMBERSHIP, AdminPrivilege.WRITE_OWNED));
    static final List<String> GROUPS = List.of("private", "readOnly", "annotate", "readWrite", "published");
    static final List<String> USERS = List.of("pi", "ada", "bob", "boss", "curator", "public");

    final OmeroSdk sdk;
    final Session root;
    private final Path dataDirectory;
    private final Map<String, ExperimenterGroup> groups = new LinkedHashMap<>();
    private final Map<String, Experimenter> users = new LinkedHashMap<>();
    private final List<OmeroSdk> others = new ArrayList<>();

    private Lab(OmeroSdk sdk, Path dataDirectory) {
        this.sdk = sdk;
        this.dataDirectory = dataDirectory;
        this.root = sdk.rootSession();
    }

    /** The common settings: fast password hashing, a root password, the public user enabled. */
    static OmeroSdk.Builder settings(OmeroSdk.Builder b) {
        return b.passwordHashIterations(1000).rootPassword("root-pw".toCharArray())
                .set(ConfigKeys.WEB_PUBLIC_ENABLED, "true").set(ConfigKeys.WEB_PUBLIC_USER, "public")
                .set(ConfigKeys.WEB_PUBLIC_PASSWORD, PASSWORD);
    }

    /** Builds the lab in a fresh database of {@code target}. */
    static Lab open(DatabaseTarget target, Path scratch) {
        return open(target, scratch, UnaryOperator.identity());
    }

    static Lab open(DatabaseTarget target, Path scratch, UnaryOperator<OmeroSdk.Builder> more) {
        OmeroSdk sdk = more.apply(settings(target.configure(OmeroSdk.builder(), scratch))).open();
        try {
            Lab lab = new Lab(sdk, sdk.dataDirectory().orElse(null));
            lab.populate();
            return lab;
        } catch (RuntimeException e) {
            sdk.close();
            throw e;
        }
    }

    private void populate() {
        Admin admin = root.admin();
        for (String name : GROUPS) {
            Permissions.Level level = switch (name) {
                case "private" -> Permissions.Level.PRIVATE;
                case "annotate" -> Permissions.Level.READ_ANNOTATE;
                case "readWrite" -> Permissions.Level.READ_WRITE;
                default -> Permissions.Level.READ_ONLY;
            };
            groups.put(name, admin.createGroup(name, level));
        }
        groups.put("system", admin.group("system"));
        groups.put("user", admin.group("user"));
        addUser("pi", "readOnly", "annotate");
        addUser("ada", "private", "readOnly", "readWrite", "published");
        addUser("bob", "private", "readOnly", "annotate");
        addUser("boss", "readWrite", "system");
        addUser("curator", "system");
        addUser("public", "published");
        admin.setGroupOwner(group("readOnly"), user("pi"), true);
        admin.setGroupOwner(group("annotate"), user("pi"), true);
        admin.setAdminPrivileges(user("curator"), CURATOR_PRIVILEGES);
        for (String u : List.of("pi", "ada", "bob", "boss")) {
            try (Session s = root.sudo(u)) {
                for (ExperimenterGroup g : root.admin().groupsOf(user(u))) {
                    if (GROUPS.contains(g.name())) {
                        s.withGroup(g).containers().createProject(u + "@" + g.name());
                    }
                }
            }
        }
    }

    private void addUser(String name, String... groupNames) {
        ExperimenterGroup[] gs = new ExperimenterGroup[groupNames.length];
        for (int i = 0; i < gs.length; i++) {
            gs[i] = group(groupNames[i]);
        }
        Experimenter e = root.admin().createUser(name, name, "Lab", gs);
        root.admin().setPassword(e, PASSWORD.toCharArray());
        users.put(name, e);
    }

    ExperimenterGroup group(String name) {
        return Optional.ofNullable(groups.get(name)).orElseThrow(() -> new IllegalArgumentException(name));
    }

    Experimenter user(String name) {
        return Optional.ofNullable(users.get(name)).orElseGet(() -> root.admin().user(name));
    }

    Session login(String name) {
        return sdk.login(name, PASSWORD.toCharArray());
    }

    /** A second SDK instance on the same database (closed with the lab). */
    OmeroSdk anotherInstance() {
        OmeroSdk.Builder b = settings(OmeroSdk.builder().config(sdk.config()));
        if (dataDirectory != null) {
            b.dataDirectory(dataDirectory);
        }
        OmeroSdk other = b.open();
        others.add(other);
        return other;
    }

    /** The names of the projects {@code s} sees, sorted. */
    static Set<String> projects(Session s) {
        Set<String> names = new TreeSet<>();
        for (Project p : s.containers().projects(Listing.all())) {
            names.add(p.name());
        }
        return names;
    }

    @Override
    public void close() {
        for (OmeroSdk o : others) {
            o.close();
        }
        sdk.close();
    }
}
