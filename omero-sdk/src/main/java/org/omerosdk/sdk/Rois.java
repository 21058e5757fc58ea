package org.omerosdk.sdk;

import java.util.List;
import java.util.Objects;
import org.omerosdk.model.NotFoundException;
import org.omerosdk.model.ValidationException;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.roi.Roi;
import org.omerosdk.model.roi.Shape;

/**
 * Regions of interest on images, in the session's context. Drawing a ROI on an image needs the right to annotate it
 * (OMERO's linkage check): one's own images always; a colleague's in Read-Annotate and Read-Write groups; in
 * Read-Only groups only as the group's owner or an administrator ("the PI could then annotate and add ROIs"); in a
 * private group never on someone else's image. A ROI belongs to whoever drew it.
 */
public final class Rois {
    private final Session session;

    Rois(Session session) {
        this.session = session;
    }

    /**
     * Saves a ROI with its shapes on {@code image}, in one transaction.
     *
     * @throws ValidationException                  for a ROI without shapes
     * @throws org.omerosdk.model.SecurityViolation when the caller may not annotate the image
     * @throws NotFoundException                    when the image is not visible
     */
    public Roi draw(Image image, String name, List<? extends Shape> shapes) {
        Objects.requireNonNull(shapes, "shapes");
        if (shapes.isEmpty()) {
            throw new ValidationException("a ROI needs at least one shape");
        }
        return session.write((q, w) -> {
            Roi roi = new Roi(Containers.load(q, image));
            roi.setName(name);
            w.create(roi);
            for (Shape s : shapes) {
                s.attach(roi);
                w.create(s);
            }
            return roi;
        });
    }

    /** The ROIs on {@code image} the caller may see, by id. */
    public List<Roi> on(Image image) {
        return session.read(q -> q.list(Select.from(Roi.class).whereEquals("o.image.id", image.id())));
    }

    /** The shapes of {@code roi}, by id. */
    public List<Shape> shapes(Roi roi) {
        return session.read(q -> q.list(Select.from(Shape.class).whereEquals("o.roi.id", roi.id())));
    }

    /**
     * Deletes a ROI with its shapes (and the links of its annotations; orphaned comments go too).
     *
     * @throws org.omerosdk.model.SecurityViolation when the caller may not delete it
     */
    public void delete(Roi roi) {
        // through the graph engine: its shapes and annotation links go, orphaned comments with them
        session.graphs().run(org.omerosdk.sdk.graph.GraphRequest.delete(roi));
    }
}
