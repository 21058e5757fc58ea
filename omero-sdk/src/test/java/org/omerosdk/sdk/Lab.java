package org.omerosdk.sdk;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.omerosdk.importer.NewImage;
import org.omerosdk.model.DimensionOrder;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.ProgressListener;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.containers.Project;
import org.omerosdk.model.core.Channel;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.LogicalChannel;
import org.omerosdk.model.core.Pixels;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.permissions.AdminPrivilege;

/**
 * The one permissions fixture of the tests (published in omero-sdk's test-jar, so that other modules' tests use the
 * same repository): a group at each level with members whose memberships differ, a group owner, a full and a
 * restricted administrator and the public user, each member with a project named {@code user@group} in each of
 * those groups; and beside them one group per level that {@code pi} owns with {@code ada} and {@code bob} members of
 * every one (the tests that compare the SDK with the evaluator level by level: {@link #group(Permissions.Level)},
 * {@link #as(String, Permissions.Level)}). Every user's password is {@link #PASSWORD}, root's {@link #ROOT_PASSWORD}.
 * Open it with {@link #open}; {@link #anotherInstance} opens a second SDK on the same database.
 *
 * <pre>
 * group             level          owner  members
 * private           Private        -      ada, bob
 * readOnly          Read-only      pi     pi, ada, bob
 * annotate          Read-annotate  pi     pi, bob
 * readWrite         Read-write     -      ada, boss
 * published         Read-only      -      ada, public
 * pi-private        Private        pi     pi, ada, bob     (the level groups: no projects of the fixture's)
 * pi-read-only      Read-only      pi     pi, ada, bob
 * pi-read-annotate  Read-annotate  pi     pi, ada, bob
 * pi-read-write     Read-write     pi     pi, ada, bob
 * elsewhere         Read-write     -      eve
 * system                                  root, boss, ops, curator (curator holds only {@link #CURATOR_PRIVILEGES})
 * </pre>
 * Each user's default group is the first of its row above (ada's and bob's {@code private}, pi's {@code readOnly}).
 */
public final class Lab implements AutoCloseable {
    public static final String PASSWORD = "pw";
    public static final String ROOT_PASSWORD = "root-pw";
    public static final Set<AdminPrivilege> CURATOR_PRIVILEGES = Set.copyOf(EnumSet.of(AdminPrivilege.SUDO,
            AdminPrivilege.MODIFY_GROUP_MEMBERSHIP, AdminPrivilege.WRITE_OWNED));
    /** The groups whose memberships differ, each with the projects of its members. */
    public static final List<String> GROUPS = List.of("private", "readOnly", "annotate", "readWrite", "published");
    public static final List<String> USERS = List.of("pi", "ada", "bob", "boss", "curator", "public");

    public final OmeroSdk sdk;
    public final Session root;
    /** eve's only group (Read-write): a group none of the others belongs to. */
    public final ExperimenterGroup elsewhere;
    private final Path dataDirectory;
    private final Map<String, ExperimenterGroup> groups = new LinkedHashMap<>();
    private final Map<Permissions.Level, ExperimenterGroup> levelGroups = new EnumMap<>(Permissions.Level.class);
    private final Map<String, Experimenter> users = new LinkedHashMap<>();
    private final List<OmeroSdk> others = new ArrayList<>();
    private final Map<String, Session> sudoed = new ConcurrentHashMap<>();

    private Lab(OmeroSdk sdk, Path dataDirectory) {
        this.sdk = sdk;
        this.dataDirectory = dataDirectory;
        this.root = sdk.rootSession();
        this.elsewhere = populate();
    }

    /** Where the metadata lives, by name, so that parameterized tests can say {@code @ValueSource("H2")}. */
    public static DatabaseTarget target(String name) {
        return switch (name) {
            case "H2" -> DatabaseTarget.H2;
            case "POSTGRES", "PostgreSQL" -> DatabaseTarget.POSTGRES;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The common settings: fast password hashing, a root password, the public user enabled. */
    public static OmeroSdk.Builder settings(OmeroSdk.Builder b) {
        return b.passwordHashIterations(1000).rootPassword(ROOT_PASSWORD.toCharArray())
                .set(ConfigKeys.WEB_PUBLIC_ENABLED, "true").set(ConfigKeys.WEB_PUBLIC_USER, "public")
                .set(ConfigKeys.WEB_PUBLIC_PASSWORD, PASSWORD);
    }

    /** Builds the lab in a fresh database of {@code target}, files under {@code scratch}. */
    public static Lab open(DatabaseTarget target, Path scratch) {
        return open(target, scratch, UnaryOperator.identity());
    }

    /** The same, with {@code more} settings applied after the common ones. */
    public static Lab open(DatabaseTarget target, Path scratch, UnaryOperator<OmeroSdk.Builder> more) {
        OmeroSdk sdk = more.apply(settings(target.configure(OmeroSdk.builder(), scratch))).open();
        try {
            return new Lab(sdk, sdk.dataDirectory().orElse(null));
        } catch (RuntimeException e) {
            sdk.close();
            throw e;
        }
    }

    private ExperimenterGroup populate() {
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
        List<String> levels = new ArrayList<>();
        for (Permissions.Level level : Permissions.Level.values()) {
            String name = "pi-" + level.name().toLowerCase(Locale.ROOT).replace('_', '-');
            ExperimenterGroup g = admin.createGroup(name, level);
            groups.put(name, g);
            levelGroups.put(level, g);
            levels.add(name);
        }
        ExperimenterGroup other = admin.createGroup("elsewhere", Permissions.Level.READ_WRITE);
        groups.put("elsewhere", other);
        groups.put("system", admin.group("system"));
        groups.put("user", admin.group("user"));
        addUser("pi", List.of("readOnly", "annotate"), levels);
        addUser("ada", List.of("private", "readOnly", "readWrite", "published"), levels);
        addUser("bob", List.of("private", "readOnly", "annotate"), levels);
        addUser("boss", List.of("readWrite", "system"), List.of());
        addUser("curator", List.of("system"), List.of());
        addUser("public", List.of("published"), List.of());
        addUser("eve", List.of("elsewhere"), List.of());
        addUser("ops", List.of("system"), List.of());
        admin.addToGroup(user("pi"), group("readOnly"), true);
        admin.addToGroup(user("pi"), group("annotate"), true);
        for (String name : levels) {
            admin.addToGroup(user("pi"), group(name), true);
        }
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
        return other;
    }

    private void addUser(String name, List<String> groupNames, List<String> more) {
        List<ExperimenterGroup> gs = new ArrayList<>();
        for (String g : groupNames) {
            gs.add(group(g));
        }
        for (String g : more) {
            gs.add(group(g));
        }
        Experimenter e = root.admin().createUser(name, name, "Lab", gs.toArray(ExperimenterGroup[]::new));
        root.admin().setPassword(e, PASSWORD.toCharArray());
        users.put(name, e);
    }

    /** A group by name (the table above, {@code system} and {@code user}). */
    public ExperimenterGroup group(String name) {
        return Optional.ofNullable(groups.get(name)).orElseThrow(() -> new IllegalArgumentException(name));
    }

    /** The group at {@code level} that pi owns, with ada and bob members ({@code pi-private}, ...). */
    public ExperimenterGroup group(Permissions.Level level) {
        return levelGroups.get(level);
    }

    /** A user of the fixture, or one a test created since (looked up by name). */
    public Experimenter user(String name) {
        return Optional.ofNullable(users.get(name)).orElseGet(() -> root.admin().user(name));
    }

    /** A new session of {@code name}, logged in with {@link #PASSWORD}. */
    public Session login(String name) {
        return sdk.login(name, PASSWORD.toCharArray());
    }

    /** {@code name}'s session through root's sudo, in the all-groups context; one per user, kept open. */
    public Session as(String name) {
        return sudoed.computeIfAbsent(name, root::sudo);
    }

    /** {@code name}'s session through root's sudo in the context of the level group {@link #group(Permissions.Level)}. */
    public Session as(String name, Permissions.Level level) {
        return as(name).withGroup(group(level));
    }

    /** A one-channel 2x2 image as {@code s} saves it, in {@code dataset} when given. */
    public static Image image(Session s, String name, Optional<Dataset> dataset) {
        return s.images().saveAll(dataset, List.of(newImage(name)), ProgressListener.NONE).get(0);
    }

    /**
     * A plate as {@code s} saves it with a well at each (row, column) of {@code wells} (0-based), each well holding
     * {@code fields[i]} fields, each field a new image named {@code name/LABEL/FIELD}.
     */
    public static org.omerosdk.model.screen.Plate plate(Session s, String name, int[][] wells, int[] fields) {
        org.omerosdk.model.screen.Plate plate = s.containers().createPlate(name);
        for (int i = 0; i < wells.length; i++) {
            int[] at = wells[i];
            List<Image> images = new ArrayList<>();
            for (int f = 0; f < fields[i]; f++) {
                images.add(image(s, name + "/" + plate.wellLabel(at[0], at[1]) + "/" + f, Optional.empty()));
            }
            s.write((q, w) -> {
                var well = w.create(new org.omerosdk.model.screen.Well(Containers.load(q, plate), at[0], at[1]));
                for (Image image : images) {
                    w.create(new org.omerosdk.model.screen.WellSample(well, Containers.load(q, image)));
                }
                return well;
            });
        }
        return plate;
    }

    /** A one-channel 2x2 image not yet saved. */
    public static NewImage newImage(String name) {
        return new NewImage(new Image(name), new Pixels(PixelType.UINT8, DimensionOrder.XYZCT, 2, 2, 1, 1, 1),
                List.of(new Channel(new LogicalChannel("c"))));
    }

    /** A second SDK instance on the same database (closed with the lab). */
    public OmeroSdk anotherInstance() {
        OmeroSdk.Builder b = settings(OmeroSdk.builder().config(sdk.config()));
        if (dataDirectory != null) {
            b.dataDirectory(dataDirectory);
        }
        OmeroSdk other = b.open();
        others.add(other);
        return other;
    }

    /** The names of the projects {@code s} sees, sorted. */
    public static Set<String> projects(Session s) {
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
