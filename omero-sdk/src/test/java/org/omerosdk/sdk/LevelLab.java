package org.omerosdk.sdk;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.omerosdk.importer.NewImage;
import org.omerosdk.model.DimensionOrder;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.PixelType;
import org.omerosdk.model.ProgressListener;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.core.Channel;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.LogicalChannel;
import org.omerosdk.model.core.Pixels;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;

/**
 * The repository most permission tests need: one group per level ({@code private}, {@code read-only},
 * {@code read-annotate}, {@code read-write}), each with the same roles — {@code ada} and {@code bob} members of
 * every one, {@code pi} the owner of every one — {@code eve} in a group of her own ({@code elsewhere}), and
 * {@code ops}, a full administrator besides root (password "ops", see {@link #loginOps}). Shared by
 * the tests that compare what the SDK does with what the evaluator decides, so that they build it once the same way.
 */
final class LevelLab implements AutoCloseable {
    /** Where the metadata lives: by name, so that parameterized tests can say {@code @ValueSource("H2")}. */
    static DatabaseTarget target(String name) {
        return switch (name) {
            case "H2" -> DatabaseTarget.H2;
            case "POSTGRES" -> DatabaseTarget.POSTGRES;
            default -> throw new IllegalArgumentException(name);
        };
    }

    final OmeroSdk sdk;
    final Session root;
    final Map<Permissions.Level, ExperimenterGroup> groups = new EnumMap<>(Permissions.Level.class);
    final ExperimenterGroup elsewhere;
    final Map<String, Experimenter> users = new LinkedHashMap<>();
    private final Map<String, Session> sessions = new java.util.concurrent.ConcurrentHashMap<>();

    private LevelLab(OmeroSdk sdk) {
        this.sdk = sdk;
        this.root = sdk.rootSession();
        for (Permissions.Level level : Permissions.Level.values()) {
            groups.put(level, root.admin().createGroup(level.name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', '-'), level));
        }
        ExperimenterGroup[] all = groups.values().toArray(ExperimenterGroup[]::new);
        elsewhere = root.admin().createGroup("elsewhere", Permissions.Level.READ_WRITE);
        users.put("ada", root.admin().createUser("ada", "Ada", "Lovelace", all));
        users.put("bob", root.admin().createUser("bob", "Bob", "Hooke", all));
        users.put("pi", root.admin().createUser("pi", "Pat", "Investigator", all));
        for (ExperimenterGroup g : all) {
            root.admin().setGroupOwner(g, users.get("pi"), true);
        }
        users.put("eve", root.admin().createUser("eve", "Eve", "Outsider", elsewhere));
        users.put("ops", root.admin().createUser("ops", "Op", "Erator", root.admin().group("system")));
        root.admin().setPassword(users.get("ops"), "ops".toCharArray());
    }

    /** A lab on {@code target} under {@code scratch}, with cheap password hashing and root's password "root". */
    static LevelLab open(DatabaseTarget target, Path scratch) {
        return new LevelLab(target.configure(OmeroSdk.builder().passwordHashIterations(1000)
                .rootPassword("root".toCharArray()), scratch).open());
    }

    ExperimenterGroup group(Permissions.Level level) {
        return groups.get(level);
    }

    Experimenter user(String name) {
        return users.get(name);
    }

    /** {@code name}'s session (through root's sudo, one per user, kept open) in the context of {@code level}'s group. */
    Session as(String name, Permissions.Level level) {
        return as(name).withGroup(group(level));
    }

    /** {@code name}'s session through root's sudo, in the all-groups context; one per user, kept open. */
    Session as(String name) {
        return sessions.computeIfAbsent(name, root::sudo);
    }

    /** A session of {@code ops} of its own (not through root's sudo, so that its real user is ops). */
    Session loginOps() {
        return sdk.login("ops", "ops".toCharArray());
    }

    /** A one-channel 2x2 image as {@code s} saves it, in {@code dataset} when given. */
    static Image image(Session s, String name, Optional<Dataset> dataset) {
        return s.images().saveAll(dataset, List.of(newImage(name)), ProgressListener.NONE).get(0);
    }

    static NewImage newImage(String name) {
        return new NewImage(new Image(name), new Pixels(PixelType.UINT8, DimensionOrder.XYZCT, 2, 2, 1, 1, 1),
                List.of(new Channel(new LogicalChannel("c"))));
    }

    @Override
    public void close() {
        sdk.close();
    }
}
