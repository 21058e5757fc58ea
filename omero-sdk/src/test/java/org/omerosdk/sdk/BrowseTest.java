package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.Permissions.Level;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.containers.Project;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.model.meta.NamedObject;
import org.omerosdk.model.screen.Plate;
import org.omerosdk.model.screen.Screen;
import org.omerosdk.sdk.Browse.PlateGrid;
import org.omerosdk.sdk.Browse.PlateLayout;

/**
 * The data manager's tree from the session: containers with child counts the caller may see, orphans, type order,
 * "my / others' / all" listings, plate grids by OMERO.web's layout rules and search — and what each hides from a
 * user the permissions exclude.
 */
class BrowseTest {
    @TempDir
    static Path dir;
    private static Lab lab;
    /** ada and bob in pi's Read-only group: each sees the other's data. */
    private static Session ada;
    private static Session bob;
    private static Project adasProject;
    private static Dataset adasDataset;
    private static Dataset bobsOrphanDataset;
    private static Image adasOrphan;
    private static Image bobsOrphan;
    private static Screen adasScreen;
    private static Plate plate;
    private static Plate bobsOrphanPlate;

    @BeforeAll
    static void populate() {
        lab = Lab.open(DatabaseTarget.H2, dir);
        ada = lab.as("ada", Level.READ_ONLY);
        bob = lab.as("bob", Level.READ_ONLY);
        adasProject = ada.containers().createProject("Zebrafish");
        adasDataset = ada.containers().createDataset(adasProject, "day 1");
        ada.containers().createDataset(adasProject, "day 2");
        for (int i = 0; i < 3; i++) {
            Lab.image(ada, "embryo " + i, Optional.of(adasDataset));
        }
        bob.containers().createProject("bob's project");
        bobsOrphanDataset = bob.containers().createDataset("Loose dataset");
        adasOrphan = Lab.image(ada, "stray", Optional.empty());
        bobsOrphan = Lab.image(bob, "bob's stray", Optional.empty());
        adasScreen = ada.containers().createScreen("Screen 1");
        // wells B3 (two fields) and C4 (one field)
        plate = Lab.plate(ada, "Plate 1", new int[][] {{1, 2}, {2, 3}}, new int[] {2, 1});
        ada.containers().link(adasScreen, plate);
        bobsOrphanPlate = Lab.plate(bob, "alpha plate", new int[][] {{0, 0}}, new int[] {1});
    }

    @AfterAll
    static void close() {
        lab.close();
    }

    private static Set<String> names(List<? extends NamedObject> objects) {
        return objects.stream().map(NamedObject::name).collect(Collectors.toSet());
    }

    private static Set<String> nodeNames(List<? extends Browse.Node<?>> nodes) {
        return nodes.stream().map(n -> n.object().name()).collect(Collectors.toSet());
    }

    @Test
    void containersComeWithTheNumberOfTheirChildren() {
        Page<Browse.Node<Project>> projects = ada.browse().projects(Listing.all());
        Browse.Node<Project> zebrafish = projects.stream().filter(n -> n.object().id() == adasProject.id())
                .findFirst().orElseThrow();
        assertEquals(2, zebrafish.childCount());
        Browse.Node<Dataset> day1 = ada.browse().datasets(adasProject, Listing.all()).stream()
                .filter(n -> n.object().id() == adasDataset.id()).findFirst().orElseThrow();
        assertEquals(3, day1.childCount());
        assertEquals(3, ada.browse().images(adasDataset, Listing.all()).size());
        assertEquals(1, ada.browse().plates(adasScreen, Listing.all()).size());
        assertEquals(2, ada.browse().plates(adasScreen, Listing.all()).get(0).childCount(), "two wells");
        assertEquals(1, ada.browse().screens(Listing.all()).stream()
                .filter(n -> n.object().id() == adasScreen.id()).findFirst().orElseThrow().childCount());
        // bob, a member of the Read-only group, counts the same
        assertEquals(2, bob.browse().projects(Listing.all()).stream()
                .filter(n -> n.object().id() == adasProject.id()).findFirst().orElseThrow().childCount());
    }

    @Test
    void aPrivateGroupsContainersAndTheirCountsStayWithTheirOwner() {
        // (OMERO's permissions never let a container hold a child its viewers may not see: links into others'
        // data are refused in Private groups and all members see all in the others, so counts need no case)
        Session adaPrivate = lab.as("ada", Level.PRIVATE);
        Session bobPrivate = lab.as("bob", Level.PRIVATE);
        Dataset mine = adaPrivate.containers().createDataset("mixed");
        Lab.image(adaPrivate, "ada's", Optional.of(mine));
        Lab.image(adaPrivate, "ada's too", Optional.of(mine));
        Browse.Node<Dataset> node = adaPrivate.browse().orphanedDatasets(Listing.all()).stream()
                .filter(n -> n.object().id() == mine.id()).findFirst().orElseThrow();
        assertEquals(2, node.childCount());
        assertEquals(2, lab.root.browse().orphanedDatasets(Listing.all()).stream()
                .filter(n -> n.object().id() == mine.id()).findFirst().orElseThrow().childCount());
        assertFalse(bobPrivate.browse().orphanedDatasets(Listing.all()).stream()
                .anyMatch(n -> n.object().id() == mine.id()));
        assertFalse(names(bobPrivate.browse().orphanedImages(Listing.all())).contains("ada's"));
        // bob cannot open ada's dataset at all, and is told the same as for one that does not exist
        NotFoundException hidden = assertThrows(NotFoundException.class,
                () -> bobPrivate.browse().images(mine, Listing.all()));
        NotFoundException missing = assertThrows(NotFoundException.class,
                () -> bobPrivate.browse().images(IObject.reference(Dataset.class, 987_654_321L), Listing.all()));
        assertEquals(hidden.getMessage().replace(Long.toString(mine.id()), "ID"),
                missing.getMessage().replace("987654321", "ID"));
    }

    @Test
    void orphansAreWhatNoContainerHolds() {
        Set<String> orphanImages = names(ada.browse().orphanedImages(Listing.all()));
        assertTrue(orphanImages.containsAll(Set.of("stray", "bob's stray")), orphanImages.toString());
        assertFalse(orphanImages.stream().anyMatch(n -> n.startsWith("embryo")), "images in a dataset");
        assertFalse(orphanImages.stream().anyMatch(n -> n.startsWith("Plate 1/")), "images in a well");
        assertTrue(nodeNames(ada.browse().orphanedDatasets(Listing.all())).contains("Loose dataset"));
        assertFalse(nodeNames(ada.browse().orphanedDatasets(Listing.all())).contains("day 1"));
        Set<String> orphanPlates = nodeNames(ada.browse().orphanedPlates(Listing.all()));
        assertTrue(orphanPlates.contains("alpha plate"));
        assertFalse(orphanPlates.contains("Plate 1"), "linked to a screen");

        Browse.Tree tree = ada.browse().tree(Listing.all());
        Browse.OrphanedImages container = tree.orphanedImages().orElseThrow();
        assertEquals("Orphaned Images", container.name());
        assertEquals(ConfigKeys.CLIENT_UI_TREE_ORPHANS_DESCRIPTION.defaultValue(), container.description());
        assertEquals(ada.browse().orphanedImages(Listing.all()).size(), container.imageCount());
        assertEquals(1, ada.browse().tree(Listing.all().ownedBy(lab.user("bob"))).orphanedImages().orElseThrow()
                .imageCount(), "the owner filter applies to the orphans");
    }

    @Test
    void myOthersAndAllData() {
        Set<String> mine = nodeNames(ada.browse().projects(Listing.all().ownedBy(lab.user("ada"))));
        Set<String> others = nodeNames(ada.browse().projects(Listing.all().notOwnedBy(lab.user("ada"))));
        Set<String> all = nodeNames(ada.browse().projects(Listing.all()));
        assertTrue(mine.contains("Zebrafish"));
        assertFalse(mine.contains("bob's project"));
        assertTrue(others.contains("bob's project"));
        assertFalse(others.contains("Zebrafish"));
        assertEquals(all.size(), mine.size() + others.size());
        // "others" then "mine" again: the last owner filter wins
        assertEquals(mine, nodeNames(ada.browse().projects(Listing.all().notOwnedBy(lab.user("ada"))
                .ownedBy(lab.user("ada")))));
    }

    @Test
    void treeFollowsTheConfiguredTypeOrder() {
        List<String> kinds = ada.browse().tree(Listing.all()).nodes().stream()
                .map(n -> n.object().getClass().getSimpleName()).distinct().toList();
        assertEquals(List.of("Project", "Dataset", "Screen", "Plate"), kinds);
        try (OmeroSdk plateFirst = OmeroSdk.builder().config(lab.sdk.config())
                .set(ConfigKeys.CLIENT_UI_TREE_TYPE_ORDER, "plate, project").dataDirectory(lab.sdk.dataDirectory()
                        .orElseThrow()).passwordHashIterations(1000).open();
             Session s = plateFirst.login("ada", Lab.PASSWORD.toCharArray()).withGroup(lab.group(Level.READ_ONLY))) {
            List<String> order = s.browse().tree(Listing.all()).nodes().stream()
                    .map(n -> n.object().getClass().getSimpleName()).distinct().toList();
            assertEquals(List.of("Plate", "Project", "Dataset", "Screen"), order, "unranked types last");
        }
        try (OmeroSdk byName = OmeroSdk.builder().config(lab.sdk.config())
                .set(ConfigKeys.CLIENT_UI_TREE_TYPE_ORDER, "false").set(ConfigKeys.CLIENT_UI_TREE_ORPHANS_ENABLED,
                        "false").dataDirectory(lab.sdk.dataDirectory().orElseThrow()).passwordHashIterations(1000)
                .open();
             Session s = byName.login("ada", Lab.PASSWORD.toCharArray()).withGroup(lab.group(Level.READ_ONLY))) {
            Browse.Tree tree = s.browse().tree(Listing.all());
            List<String> names = tree.nodes().stream().map(n -> n.object().name().toLowerCase()).toList();
            assertEquals(names.stream().sorted().toList(), names, "one name order across types");
            assertEquals("alpha plate", tree.nodes().get(0).object().name());
            assertTrue(tree.orphanedImages().isEmpty(), "omero.client.ui.tree.orphans.enabled=false");
        }
    }

    @Test
    void plateGridFollowsOmeroWebsLayouts() {
        PlateGrid expand = ada.browse().plateGrid(plate, 0, PlateLayout.EXPAND);
        assertEquals(8, expand.rows());
        assertEquals(12, expand.columns());
        assertEquals("A", expand.rowLabels().get(0));
        assertEquals("1", expand.columnLabels().get(0));
        assertEquals(2, expand.fieldCount());
        PlateGrid.Cell b3 = expand.at(1, 2).orElseThrow();
        assertEquals("B3", b3.label());
        assertEquals("Plate 1/B3/0", b3.image().orElseThrow().name());
        assertTrue(expand.at(0, 0).isEmpty(), "no well at A1");

        PlateGrid shrink = ada.browse().plateGrid(plate, 0, PlateLayout.SHRINK);
        assertEquals(List.of("B", "C"), shrink.rowLabels());
        assertEquals(List.of("3", "4"), shrink.columnLabels());
        assertEquals("C4", shrink.at(1, 1).orElseThrow().label());
        assertTrue(shrink.at(0, 1).isEmpty());

        PlateGrid trim = ada.browse().plateGrid(plate, 0, PlateLayout.TRIM);
        assertEquals(List.of("A", "B", "C"), trim.rowLabels());
        assertEquals(List.of("1", "2", "3", "4"), trim.columnLabels());

        // field 1: only B3 has a second field; C4's cell is there without an image
        PlateGrid second = ada.browse().plateGrid(plate, 1, PlateLayout.TRIM);
        assertEquals("Plate 1/B3/1", second.at(1, 2).orElseThrow().image().orElseThrow().name());
        assertTrue(second.at(2, 3).orElseThrow().image().isEmpty());
        assertThrows(ValidationException.class, () -> ada.browse().plateGrid(plate, -1));
        // the configured layout is OMERO.web's default, expand
        assertEquals(8, ada.browse().plateGrid(plate, 0).rows());
        assertEquals(PlateLayout.SHRINK, PlateLayout.of(" Shrink "));
        assertThrows(ValidationException.class, () -> PlateLayout.of("zoom"));
    }

    @Test
    void anExpandedGridGrowsByPowersOfTwo() {
        // a well in row 9 (J) does not fit 8 x 12: 16 x 24
        Plate big = Lab.plate(ada, "big", new int[][] {{9, 0}}, new int[] {1});
        PlateGrid grid = ada.browse().plateGrid(big, 0, PlateLayout.EXPAND);
        assertEquals(16, grid.rows());
        assertEquals(24, grid.columns());
        assertEquals("J1", grid.at(9, 0).orElseThrow().label());
    }

    @Test
    void plateGridsHideWhatTheCallerMayNotSee() {
        Session adaPrivate = lab.as("ada", Level.PRIVATE);
        Plate secret = Lab.plate(adaPrivate, "secret", new int[][] {{0, 0}}, new int[] {1});
        Session bobPrivate = lab.as("bob", Level.PRIVATE);
        assertThrows(NotFoundException.class, () -> bobPrivate.browse().plateGrid(secret, 0));
        assertFalse(nodeNames(bobPrivate.browse().orphanedPlates(Listing.all())).contains("secret"));
        assertEquals(1, adaPrivate.browse().plateGrid(secret, 0).cells().size());
    }

    @Test
    void searchFindsNamesAndDescriptionsIgnoringCase() {
        Dataset described = ada.containers().createDataset("plain");
        ada.write((q, w) -> {
            Dataset d = Containers.load(q, described);
            d.setDescription("Imaged with the NEW confocal");
            return d;
        });
        Browse.SearchResults found = ada.browse().search("confocal", Listing.all());
        assertEquals(Set.of("plain"), names(found.datasets()));
        assertEquals(Set.of("Zebrafish"), names(ada.browse().search("zebra", Listing.all()).projects()));
        assertEquals(3, ada.browse().search("EMBRYO", Listing.all()).images().size());
        assertEquals(Set.of("Plate 1"), names(ada.browse().search("plate 1", Listing.all()).plates()));
        assertTrue(ada.browse().search("100%", Listing.all()).isEmpty(), "% matches itself");
        assertThrows(ValidationException.class, () -> ada.browse().search("  ", Listing.all()));
        // a user of another group finds nothing of this group's
        Session eve = lab.as("eve");
        assertTrue(eve.browse().search("zebra", Listing.all()).isEmpty());
        assertTrue(eve.browse().search("embryo", Listing.all()).isEmpty());
        // bob in the Private group does not find ada's private image
        Session adaPrivate = lab.as("ada", Level.PRIVATE);
        Lab.image(adaPrivate, "needle in private", Optional.empty());
        assertTrue(lab.as("bob", Level.PRIVATE).browse().search("needle", Listing.all()).images().isEmpty());
        assertEquals(1, adaPrivate.browse().search("needle", Listing.all()).images().size());
    }
}
