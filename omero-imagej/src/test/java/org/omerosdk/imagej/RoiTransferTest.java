package org.omerosdk.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.Permissions;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.model.roi.Polygon;
import org.omerosdk.model.roi.Rectangle;
import org.omerosdk.model.roi.Shape;

/**
 * ROIs between the repository and an opened image's overlay, through OmeroSdkIJ: positions both ways, grouping,
 * replace and add, pyramid-level scaling, and an image the session may not see.
 */
class RoiTransferTest {
    @TempDir
    static Path tmp;
    static TestRepository repo;

    @BeforeAll
    static void open() {
        // planes wider than 64 get a pyramid, so that an image can be opened at level 1
        repo = TestRepository.open(tmp, b -> b.set(ConfigKeys.PIXELDATA_MAX_PLANE_WIDTH, "64")
                .set(ConfigKeys.PIXELDATA_MAX_PLANE_HEIGHT, "64").set(ConfigKeys.PIXELDATA_TILE_WIDTH, "32")
                .set(ConfigKeys.PIXELDATA_TILE_HEIGHT, "32"));
    }

    @AfterAll
    static void close() {
        repo.close();
    }

    private static Image imageWithTwoRois() {
        Image image = repo.importImage(repo.root, TestRepository.knownHyperstack("rois", 8, 40, 30, 2, 3, 2));
        Rectangle rect = new Rectangle(5, 6, 10, 8);
        rect.setPosition(2, 1, 0);
        rect.setStrokeColor(0x00FF00FF);
        repo.root.rois().draw(image, "cell", List.of(rect));
        Polygon everywhere = new Polygon("1,1 20,1 20,20");
        repo.root.rois().draw(image, "region", List.of(everywhere));
        return image;
    }

    private static List<List<Shape>> shapesOn(Image image) {
        List<List<Shape>> out = new ArrayList<>();
        repo.root.rois().on(image).stream().sorted(Comparator.comparing(r -> r.id()))
                .forEach(r -> out.add(repo.root.rois().shapes(r)));
        return out;
    }

    @Test
    void loadedRoisHaveOneBasedHyperstackPositionsAndTheirOmeroRoi() {
        Image image = imageWithTwoRois();
        ImagePlus imp = OmeroSdkIJ.open(image.id());
        assertEquals(2, OmeroSdkIJ.loadRois(imp));
        Roi[] rois = imp.getOverlay().toArray();
        Roi rect = rois[0].getType() == Roi.RECTANGLE ? rois[0] : rois[1];
        Roi poly = rect == rois[0] ? rois[1] : rois[0];
        assertEquals(List.of(2, 3, 1), List.of(rect.getCPosition(), rect.getZPosition(), rect.getTPosition()));
        assertEquals(new java.awt.Rectangle(5, 6, 10, 8), rect.getBounds());
        assertEquals(new java.awt.Color(0, 255, 0, 255), rect.getStrokeColor());
        assertEquals("cell", rect.getName(), "the ROI's name when the shape has no text");
        assertEquals(0, poly.getPosition(), "on every plane");
        assertEquals(List.of(0, 0, 0), List.of(poly.getCPosition(), poly.getZPosition(), poly.getTPosition()));
        assertNotNull(rect.getProperty(ShapeConversion.ROI_ID));
        // loading again replaces the OMERO ROIs and keeps what was drawn in ImageJ
        Roi drawn = new Roi(1, 1, 3, 3);
        imp.getOverlay().add(drawn);
        assertEquals(2, OmeroSdkIJ.loadRois(imp));
        assertEquals(3, imp.getOverlay().size());
    }

    @Test
    void savingWithReplaceRewritesTheLoadedRoisAndAddsTheNewOnes() {
        Image image = imageWithTwoRois();
        ImagePlus imp = OmeroSdkIJ.open(image.id());
        OmeroSdkIJ.loadRois(imp);
        Roi drawn = new Roi(2, 3, 4, 5);
        drawn.setPosition(1, 2, 2);
        drawn.setName("new");
        imp.getOverlay().add(drawn);
        assertEquals(3, OmeroSdkIJ.saveRois(imp, true));
        List<List<Shape>> stored = shapesOn(image);
        assertEquals(3, stored.size(), "the two loaded ROIs replaced, one added: " + stored);
        Shape added = stored.get(2).get(0);
        assertEquals(List.of(1, 0, 1), List.of(added.theZ().orElseThrow(), added.theC().orElseThrow(),
                added.theT().orElseThrow()), "ImageJ (c=1, z=2, t=2) is OMERO z=1, c=0, t=1");
        assertEquals(java.util.Optional.of("new"), added.textValue());
        Shape rect = stored.get(0).get(0);
        assertEquals(java.util.Optional.of(2), rect.theZ());
        assertEquals(3, imp.getOverlay().size(), "the overlay shows what was stored");
        // without replace they are added again beside the stored ones
        assertEquals(3, OmeroSdkIJ.saveRois(imp, false));
        assertEquals(6, shapesOn(image).size());
    }

    @Test
    void anImageOpenedAtAPyramidLevelShowsAndSavesFullResolutionCoordinates() {
        Image image = repo.importImage(repo.root, TestRepository.knownHyperstack("big", 8, 128, 96, 1, 1, 1));
        repo.root.rois().draw(image, "r", List.of(new Rectangle(40, 20, 16, 8)));
        ImagePlus half = OmeroSdkIJ.openVirtual(image.id(), 1);
        assertEquals(64, half.getWidth());
        OmeroSdkIJ.loadRois(half);
        assertEquals(new java.awt.Rectangle(20, 10, 8, 4), half.getOverlay().get(0).getBounds());
        half.getOverlay().add(new Roi(10, 10, 4, 4));
        OmeroSdkIJ.saveRois(half, true);
        List<List<Shape>> stored = shapesOn(image);
        Rectangle added = (Rectangle) stored.get(stored.size() - 1).get(0);
        assertEquals(List.of(20.0, 20.0, 8.0, 8.0), List.of(added.x(), added.y(), added.width(), added.height()));
        Rectangle kept = (Rectangle) stored.get(0).get(0);
        assertEquals(List.of(40.0, 20.0, 16.0, 8.0), List.of(kept.x(), kept.y(), kept.width(), kept.height()));
    }

    @Test
    void anImageTheSessionCannotSeeAnswersAsMissingAndNothingIsWritten() {
        ExperimenterGroup privateLab = repo.group("private-" + System.nanoTime(), Permissions.Level.PRIVATE);
        ExperimenterGroup other = repo.group("other-" + System.nanoTime(), Permissions.Level.PRIVATE);
        String owner = "owner" + System.nanoTime();
        String stranger = "stranger" + System.nanoTime();
        repo.user(owner, privateLab);
        repo.user(stranger, other);
        Image hidden;
        ImagePlus imp;
        try (var asOwner = repo.root.sudo(owner)) {
            hidden = repo.importImage(asOwner, TestRepository.knownHyperstack("hidden", 8, 20, 20, 1, 1, 1));
            asOwner.rois().draw(hidden, "mine", List.of(new Rectangle(1, 1, 2, 2)));
            imp = new ImageOpener(asOwner).open(hidden.id());
        }
        try (var asStranger = repo.root.sudo(stranger)) {
            RoiTransfer transfer = new RoiTransfer(asStranger);
            NotFoundException load = assertThrows(NotFoundException.class, () -> transfer.load(imp));
            assertTrue(load.getMessage().contains(String.valueOf(hidden.id())), load.getMessage());
            imp.setOverlay(new Overlay(new Roi(0, 0, 5, 5)));
            assertThrows(NotFoundException.class, () -> transfer.save(imp, true));
            assertEquals(1, repo.root.rois().on(hidden).size(), "nothing written or deleted");
        }
        ImagePlus plain = new ImagePlus("not from OMERO", new ij.process.ByteProcessor(4, 4));
        assertThrows(ValidationException.class, () -> OmeroSdkIJ.loadRois(plain));
    }
}
