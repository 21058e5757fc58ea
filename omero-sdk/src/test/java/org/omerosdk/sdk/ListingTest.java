package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.Permissions.Level;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.containers.Project;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.meta.IObject;

/**
 * The one paging style: every listing answers a {@link Page} of at most {@code omero.web.page_size} objects (5
 * here), which says whether more follow and gives the next page's listing; owner and group filters and the order
 * apply before the page is cut, and only what the caller may see is listed or counted towards "more".
 */
class ListingTest {
    @TempDir
    static Path dir;
    private static Lab lab;
    private static Session ada;
    private static Project project;
    /** The 12 datasets of {@link #project}, in the order they were saved. */
    private static final List<Dataset> DATASETS = new ArrayList<>();

    @BeforeAll
    static void populate() {
        lab = Lab.open(DatabaseTarget.H2, dir, b -> b.set(ConfigKeys.WEB_PAGE_SIZE, "5"));
        ada = lab.as("ada", Level.READ_WRITE);
        project = ada.containers().createProject("paged");
        // names whose case-blind order differs from the id order
        for (String name : List.of("k", "B", "a", "L", "c", "J", "d", "I", "e", "H", "f", "G")) {
            DATASETS.add(ada.containers().createDataset(project, name));
        }
    }

    @AfterAll
    static void close() {
        lab.close();
    }

    private static List<Long> ids(List<? extends IObject> objects) {
        return objects.stream().map(IObject::id).toList();
    }

    @Test
    void aPageHoldsAtMostThePageSizeAndSaysWhetherMoreFollow() {
        Page<Dataset> first = ada.containers().datasets(project, Listing.all());
        assertEquals(ids(DATASETS.subList(0, 5)), ids(first));
        assertTrue(first.hasMore());
        assertEquals(5, first.limit());
        // a larger limit is cut to the page size, and the page says so
        Page<Dataset> asked = ada.containers().datasets(project, Listing.all().page(0, 100));
        assertEquals(5, asked.size());
        assertEquals(5, asked.limit());
        Page<Dataset> small = ada.containers().datasets(project, Listing.all().page(10, 3));
        assertEquals(ids(DATASETS.subList(10, 12)), ids(small));
        assertFalse(small.hasMore());
    }

    @Test
    void nextPagesInIdOrderStartAfterTheLastIdShown() {
        Project p = ada.containers().createProject("shrinking");
        List<Dataset> all = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            all.add(ada.containers().createDataset(p, "d" + i));
        }
        Page<Dataset> first = ada.containers().datasets(p, Listing.all());
        // deleting one of the first page between the pages shifts nothing: the second page is the rest
        ada.containers().delete(all.get(1));
        Page<Dataset> second = ada.containers().datasets(p, first.next());
        assertEquals(ids(all.subList(5, 8)), ids(second));
        assertFalse(second.hasMore());
        ValidationException e = assertThrows(ValidationException.class, second::next);
        assertTrue(e.getMessage().contains("last page"), e.getMessage());
    }

    @Test
    void aStreamReadsEveryPage() {
        assertEquals(ids(DATASETS), ids(Listing.all().stream(l -> ada.containers().datasets(project, l)).toList()));
    }

    @Test
    void byNameIgnoresCaseAndPagesOnByOffset() {
        Listing byName = Listing.all().orderBy(Listing.Order.NAME);
        List<String> names = Listing.all().orderBy(Listing.Order.NAME)
                .stream(l -> ada.containers().datasets(project, l)).map(Dataset::name).toList();
        assertEquals(List.of("a", "B", "c", "d", "e", "f", "G", "H", "I", "J", "k", "L"), names);
        Page<Dataset> first = ada.containers().datasets(project, byName);
        assertEquals(List.of("f", "G", "H", "I", "J"), ada.containers().datasets(project, first.next()).stream()
                .map(Dataset::name).toList());
    }

    @Test
    void ownerAndGroupFiltersApplyBeforeThePage() {
        Session bob = lab.as("bob", Level.READ_WRITE);
        for (int i = 0; i < 6; i++) {
            Lab.image(bob, "bob's " + i, Optional.empty());
        }
        Image adas = Lab.image(ada, "ada's", Optional.empty());
        Page<Image> only = ada.images().list(Listing.all().ownedBy(lab.user("ada"))
                .inGroup(lab.group(Level.READ_WRITE)));
        assertEquals(List.of(adas.id()), ids(only));
        assertFalse(only.hasMore());
        Page<Image> bobs = ada.images().list(Listing.all().ownedBy(lab.user("bob")).inGroup(lab.group(
                Level.READ_WRITE)));
        assertEquals(5, bobs.size());
        assertTrue(bobs.hasMore());
        assertEquals(6, ada.images().count(Listing.all().ownedBy(lab.user("bob")).inGroup(lab.group(
                Level.READ_WRITE))));
    }

    @Test
    void whatTheCallerMayNotSeeNeitherListsNorCountsAsMore() {
        Session adaPrivate = lab.as("ada", Level.PRIVATE);
        for (int i = 0; i < 6; i++) {
            adaPrivate.containers().createProject("hidden " + i);
        }
        Session bob = lab.as("bob", Level.PRIVATE);
        Page<Project> seen = bob.containers().projects(Listing.all().ownedBy(lab.user("ada"))
                .inGroup(lab.group(Level.PRIVATE)));
        assertTrue(seen.isEmpty());
        assertFalse(seen.hasMore(), "a page must not say that hidden objects follow");
        assertEquals(5, adaPrivate.containers().projects(Listing.all().ownedBy(lab.user("ada"))
                .inGroup(lab.group(Level.PRIVATE))).size());
    }

    @Test
    void aPageNeedsAPossibleOffsetAndLimit() {
        assertThrows(ValidationException.class, () -> Listing.all().page(-1, 5));
        ValidationException e = assertThrows(ValidationException.class, () -> Listing.all().page(0, 0));
        assertTrue(e.getMessage().contains("limit >= 1"), e.getMessage());
    }
}
