package org.omerosdk.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.SecurityViolation;
import org.omerosdk.model.annotations.CommentAnnotation;
import org.omerosdk.model.annotations.TagAnnotation;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.core.Channel;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.Pixels;
import org.omerosdk.model.display.RenderingDef;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.model.roi.Roi;
import org.omerosdk.model.roi.Shape;
import org.omerosdk.permissions.AdminPrivilege;
import org.omerosdk.sdk.graph.GraphRefusedException;
import org.omerosdk.sdk.graph.GraphReport;
import org.omerosdk.sdk.graph.GraphRequest;

/** Move between groups (chgrp) and change of owner (chown) through the graph engine (semantics sections 4 and 5). */
abstract class GraphMoveGiveContract extends GraphDeleteContract {
    private long groupOf(IObject o) {
        return sdk.store().read(Bootstrap.SYSTEM_CONTEXT, q -> q.byId(o.getClass(), o.id()).orElseThrow().details()
                .groupId().orElseThrow());
    }

    private long ownerOf(IObject o) {
        return sdk.store().read(Bootstrap.SYSTEM_CONTEXT, q -> q.byId(o.getClass(), o.id()).orElseThrow().details()
                .ownerId().orElseThrow());
    }

    private <T extends IObject> List<T> all(Class<T> type, String hqlCondition, long v) {
        return sdk.store().read(Bootstrap.SYSTEM_CONTEXT, q -> q.list(Select.from(type).where(hqlCondition, v)));
    }

    @Test
    void movingADatasetMovesItsImagesWholeSubgraphAndItsOwnOrphanedAnnotations() {
        Dataset d = ada.containers().createDataset("moving");
        Image i = GraphFixture.fullImage(ada, "i");
        ada.containers().link(d, i);
        TagAnnotation own = ada.annotations().createTag("own");
        TagAnnotation shared = ada.annotations().createTag("shared");
        Image staying = GraphFixture.image(ada, "staying");
        ada.annotations().attach(i, own);
        ada.annotations().attach(i, shared);
        ada.annotations().attach(staying, shared);
        GraphReport r = ada.graphs().moveToGroup(rw, d);
        assertEquals(Set.of(i.id()), r.included("Image"));
        for (IObject o : List.of(d, i, own)) {
            assertEquals(rw.id(), groupOf(o), o.toString());
        }
        java.util.Map<Class<? extends IObject>, String> ofImage = java.util.Map.of(Pixels.class, "o.image.id",
                Channel.class, "o.pixels.image.id", RenderingDef.class, "o.pixels.image.id", Roi.class, "o.image.id",
                Shape.class, "o.roi.image.id");
        ofImage.forEach((t, path) -> assertEquals(List.of(rw.id()), all(t, path + " = :v", i.id()).stream()
                .map(o -> o.details().groupId().orElseThrow()).distinct().toList(), t.getSimpleName()));
        assertEquals(0, all(CommentAnnotation.class, "o.details.groupId = :v", lab.id()).size());
        assertEquals(lab.id(), groupOf(shared), "a tag still used in the old group stays");
        assertEquals(Set.of(shared.id()), r.annotationsUnlinked().get("TagAnnotation"));
        Permissions rwPerms = sdk.store().read(Bootstrap.SYSTEM_CONTEXT, q -> q.byId(Image.class, i.id())
                .orElseThrow().details().permissions());
        assertEquals(Permissions.Level.READ_WRITE, rwPerms.level().orElseThrow());
    }

    /** The history follows a moved object: filtered by the group it is in now, its earlier rows included. */
    @Test
    void aMovedObjectsEventHistoryIsFilteredByItsNewGroup() {
        root.admin().createUser(u("carl"), "Carl", "C", lab);
        Session carl = root.sudo(u("carl")).withGroup(lab);
        Dataset d = ada.containers().createDataset("history");
        Image i = GraphFixture.imageIn(ada, d, "history");
        ada.rename(d, "renamed");
        assertFalse(carl.events().find(EventFilter.any().touching(d)).isEmpty(), "seen while in carl's group");
        ada.graphs().moveToGroup(rw, d);
        for (IObject o : List.of(d, i)) {
            assertEquals(List.of(), carl.events().find(EventFilter.any().touching(o)),
                    "no history of " + o + " for one who may not see it any more");
        }
        Session bobInRw = root.sudo(u("bob")).withGroup(rw);
        List<org.omerosdk.model.meta.Event> seen = bobInRw.events().find(EventFilter.any().touching(d));
        assertEquals(3, seen.size(), "creation, rename and move, in the group it is in now");
        org.omerosdk.model.meta.Event move = seen.get(2);
        for (org.omerosdk.model.meta.EventLog l : bobInRw.events().logs(move)) {
            assertEquals(Optional.of(rw.id()), l.entityGroupId(), l.entityType() + ":" + l.entityId());
        }
        assertEquals(rw.id(), move.groupId(), "the move's event is filed in the target group");
    }

    @Test
    void anImageAlsoInAStayingDatasetDoesNotMoveAndItsLinkGoes() {
        Dataset a = ada.containers().createDataset("a");
        Dataset b = ada.containers().createDataset("b");
        Image i = GraphFixture.imageIn(ada, a, "both");
        ada.containers().link(b, i);
        GraphReport r = ada.graphs().moveToGroup(rw, a);
        assertEquals(lab.id(), groupOf(i));
        assertEquals(Set.of(i.id()), r.notIncluded().get("Image"));
        assertEquals(1, r.linksRemoved().get("DatasetImageLink").size());
    }

    @Test
    void movingNeedsMembershipOfTheTargetGroupAndNothingChanges() {
        ExperimenterGroup elsewhere = root.admin().createGroup(u("elsewhere"), Permissions.Level.READ_ANNOTATE);
        Image i = GraphFixture.image(ada, "i");
        SecurityViolation e = assertThrows(SecurityViolation.class, () -> ada.graphs().moveToGroup(elsewhere, i));
        assertTrue(e.getMessage().contains("not a member"), e.getMessage());
        assertEquals(lab.id(), groupOf(i));
    }

    @Test
    void onlyTheOwnerMovesDataEvenInAReadWriteGroup() {
        Session adaRw = ada.withGroup(rw);
        Image i = GraphFixture.image(adaRw, "ada's");
        SecurityViolation e = assertThrows(SecurityViolation.class, () -> bob.withGroup(rw).graphs()
                .moveToGroup(lab, i));
        assertTrue(e.getMessage().contains("may not move Image:" + i.id()), e.getMessage());
        assertEquals(rw.id(), groupOf(i));
        adaRw.graphs().moveToGroup(lab, i);
        assertEquals(lab.id(), groupOf(i));
    }

    @Test
    void aFilesetMovesOnlyWholeAndTheRefusalNamesTheSplit() {
        List<Image> images = GraphFixture.fileset(ada, Optional.empty(), "mv" + suffix, 2);
        GraphRefusedException e = assertThrows(GraphRefusedException.class,
                () -> ada.graphs().moveToGroup(rw, images.get(0)));
        assertTrue(e.getMessage().contains("may not move Image:" + images.get(0).id() + " while Image:"
                + images.get(1).id()), e.getMessage());
        assertEquals(lab.id(), groupOf(images.get(0)));
        GraphReport r = ada.graphs().moveToGroup(rw, images.get(0), images.get(1));
        assertEquals(1, r.included("Fileset").size());
        assertEquals(1, r.included("OriginalFile").size());
        assertEquals(rw.id(), groupOf(images.get(1)));
    }

    @Test
    void aMoveCanLandInANewContainerOwnedByTheDataOwner() {
        Image i = GraphFixture.image(ada, "i");
        GraphReport r = root.graphs().run(GraphRequest.move(rw.id(), i).into("Dataset", "arrivals"));
        assertEquals(Set.of(i.id()), r.included("Image"));
        Dataset arrivals = ada.withGroup(rw).containers().datasets(Listing.all()).stream()
                .filter(d -> d.name().equals("arrivals")).findFirst().orElseThrow();
        assertEquals(ada.user().id(), ownerOf(arrivals));
        assertEquals(rw.id(), groupOf(arrivals));
        assertEquals(1, ada.withGroup(rw).containers().countImages(arrivals));
    }

    @Test
    void movingIntoAPrivateGroupDeletesOthersRoisAndSettings() {
        ExperimenterGroup priv = root.admin().createGroup(u("priv"), Permissions.Level.PRIVATE);
        root.admin().addToGroup(root.admin().user(u("ada")), priv, false);
        Image i = GraphFixture.image(ada, "i");
        Roi bobs = bob.rois().draw(i, "bob's", List.of(new org.omerosdk.model.roi.Point(1, 1)));
        Session adaAgain = root.sudo(u("ada")).withGroup(lab);
        GraphReport r = adaAgain.graphs().moveToGroup(priv, i);
        assertEquals(Set.of(bobs.id()), r.removed().get("Roi"));
        assertFalse(GraphFixture.exists(sdk, bobs));
        assertEquals(priv.id(), groupOf(i));
    }

    @Test
    void theGroupsOwnerGivesAMembersDatasetToAnotherMember() {
        root.admin().addToGroup(root.admin().user(u("bob")), lab, true);
        Dataset d = ada.containers().createDataset("ada's");
        Image i = GraphFixture.fullImage(ada, "i");
        ada.containers().link(d, i);
        Experimenter carl = root.admin().createUser(u("carl"), "C", "D", lab);
        Session pi = root.sudo(u("bob")).withGroup(lab);
        GraphReport r = pi.graphs().giveTo(carl, d);
        assertEquals(carl.id(), ownerOf(d));
        assertEquals(carl.id(), ownerOf(i));
        assertEquals(Set.of(i.id()), r.included("Image"));
        // in a read-annotate group annotations, ROIs and settings keep their owner
        Roi roi = ada.rois().on(i).get(0);
        assertEquals(ada.user().id(), ownerOf(roi));
        assertEquals(ada.user().id(), ownerOf(ada.annotations().on(i).get(0)));
    }

    @Test
    void aMemberMayNotGiveTheirOwnDataAndTheRecipientMustBeInTheGroup() {
        Image i = GraphFixture.image(ada, "i");
        Experimenter bobUser = root.admin().user(u("bob"));
        SecurityViolation e = assertThrows(SecurityViolation.class, () -> ada.graphs().giveTo(bobUser, i));
        assertTrue(e.getMessage().contains("may not give Image:" + i.id()), e.getMessage());
        ExperimenterGroup other = root.admin().createGroup(u("other"), Permissions.Level.PRIVATE);
        Experimenter stranger = root.admin().createUser(u("stranger"), "S", "T", other);
        GraphRefusedException g = assertThrows(GraphRefusedException.class,
                () -> root.graphs().giveTo(stranger, i));
        assertTrue(g.getMessage().contains("not a member of group"), g.getMessage());
        assertEquals(ada.user().id(), ownerOf(i));
    }

    @Test
    void restrictedAdministratorsNeedTheChownAndChgrpPrivileges() {
        Experimenter curator = root.admin().createUser(u("curator"), "C", "U", root.admin().group("system"));
        Image i = GraphFixture.image(ada, "i");
        Experimenter bobUser = root.admin().user(u("bob"));
        root.admin().setAdminPrivileges(curator, EnumSet.of(AdminPrivilege.WRITE_OWNED));
        try (Session c = root.sudo(u("curator"))) {
            assertThrows(SecurityViolation.class, () -> c.graphs().giveTo(bobUser, i));
            assertThrows(SecurityViolation.class, () -> c.graphs().moveToGroup(rw, i));
        }
        assertEquals(ada.user().id(), ownerOf(i));
        root.admin().setAdminPrivileges(curator, EnumSet.of(AdminPrivilege.CHOWN, AdminPrivilege.CHGRP));
        try (Session c = root.sudo(u("curator"))) {
            c.graphs().giveTo(bobUser, i);
            c.graphs().moveToGroup(rw, i);
        }
        assertEquals(bobUser.id(), ownerOf(i));
        assertEquals(rw.id(), groupOf(i));
    }

    @Test
    void aRoiMovesOnlyWithItsImage() {
        Image i = GraphFixture.image(ada, "i");
        Roi roi = ada.rois().draw(i, "r", List.of(new org.omerosdk.model.roi.Point(1, 1)));
        GraphRefusedException e = assertThrows(GraphRefusedException.class, () -> ada.graphs().moveToGroup(rw, roi));
        assertTrue(e.getMessage().contains("Roi:" + roi.id()), e.getMessage());
        assertEquals(lab.id(), groupOf(roi));
    }

    @Test
    void aMoveDryRunEqualsTheRealRun() {
        Dataset d = ada.containers().createDataset("d");
        GraphFixture.imageIn(ada, d, "i");
        GraphReport dry = ada.graphs().run(GraphRequest.move(rw.id(), d).asDryRun());
        assertEquals(lab.id(), groupOf(d));
        assertEquals(dry.asRealRun(), ada.graphs().moveToGroup(rw, d));
    }

    @Test
    void anInvisibleTargetOfAMoveAnswersLikeAMissingOne() {
        ExperimenterGroup priv = root.admin().createGroup(u("hidden"), Permissions.Level.PRIVATE);
        root.admin().createUser(u("carl"), "C", "D", priv, rw);
        Image hidden = GraphFixture.image(root.sudo(u("carl")).withGroup(priv), "hidden");
        assertThrows(NotFoundException.class, () -> ada.graphs().moveToGroup(rw, hidden));
    }
}
