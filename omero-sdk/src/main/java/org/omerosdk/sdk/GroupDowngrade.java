package org.omerosdk.sdk;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.omerosdk.model.annotations.RoiAnnotationLink;
import org.omerosdk.model.display.ChannelBinding;
import org.omerosdk.model.display.RenderingDef;
import org.omerosdk.model.display.Thumbnail;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.model.meta.Link;
import org.omerosdk.model.roi.Roi;
import org.omerosdk.model.roi.Shape;

/**
 * What a downgrade to Private removes from a group (OMERO's chmod rules, see {@link LevelChange}): found with
 * queries, listed, and deleted through the write path (so each removal is checked and logged) unless it is a dry
 * run. Dependent rows go first: shapes before their ROI, channel bindings before their rendering settings.
 */
final class GroupDowngrade {
    private GroupDowngrade() {
    }

    /**
     * What makes OMERO refuse a downgrade to Private: objects that must share their owner but do not — an image
     * using another user's instrument or objective settings, a logical channel owned differently from its channels,
     * a well sample owned differently from its image. Empty: the downgrade can go ahead.
     */
    static List<String> blockers(org.hibernate.Session h, long groupId) {
        List<String> out = new ArrayList<>();
        String[][] pairs = {
            {"org.omerosdk.model.core.Image", "instrument", "uses the instrument"},
            {"org.omerosdk.model.core.Image", "objectiveSettings", "uses the objective settings"},
            {"org.omerosdk.model.core.Channel", "logicalChannel", "belongs to the logical channel"},
            {"org.omerosdk.model.screen.WellSample", "image", "holds the image"},
        };
        for (String[] p : pairs) {
            for (Object[] row : h.createQuery("select o, o." + p[1] + " from " + p[0] + " o where "
                    + "o.details.groupId = :g and o." + p[1] + " is not null and o.details.ownerId <> o." + p[1]
                    + ".details.ownerId", Object[].class).setParameter("g", groupId).getResultList()) {
                out.add(describe((IObject) row[0]) + " " + p[2] + " " + describe((IObject) row[1])
                        + " of another owner");
            }
        }
        return out;
    }

    static List<String> apply(WritePath w, long groupId, boolean dryRun) {
        org.hibernate.Session h = w.hibernate();
        Set<IObject> doomed = new LinkedHashSet<>();
        List<String> lines = new ArrayList<>();
        for (Class<?> type : EntityClasses.ENTITIES) {
            if (!Link.class.isAssignableFrom(type) || linksSystemObjects(type)) {
                continue;
            }
            for (Object o : h.createQuery("select l from " + type.getName() + " l join fetch l.parent "
                    + "join fetch l.child where l.details.groupId = :g and (l.parent.details.ownerId <> "
                    + "l.child.details.ownerId)", type).setParameter("g", groupId).getResultList()) {
                Link<?, ?> l = (Link<?, ?>) o;
                if (doomed.add(l)) {
                    lines.add(describe(l) + " " + describe(l.parent()) + " to " + describe(l.child()));
                }
            }
        }
        for (Roi r : h.createQuery("select r from " + Roi.class.getName() + " r where r.details.groupId = :g "
                + "and r.details.ownerId <> r.image.details.ownerId", Roi.class).setParameter("g", groupId)
                .getResultList()) {
            for (Shape s : h.createQuery("select s from " + Shape.class.getName() + " s where s.roi = :r",
                    Shape.class).setParameter("r", r).getResultList()) {
                if (doomed.add(s)) {
                    lines.add(describe(s) + " of " + describe(r));
                }
            }
            for (RoiAnnotationLink l : h.createQuery("select l from " + RoiAnnotationLink.class.getName()
                    + " l where l.parent = :r", RoiAnnotationLink.class).setParameter("r", r).getResultList()) {
                if (doomed.add(l)) {
                    lines.add(describe(l) + " of " + describe(r));
                }
            }
            if (doomed.add(r)) {
                lines.add(describe(r) + " drawn by another user on an image");
            }
        }
        for (RenderingDef d : h.createQuery("select d from " + RenderingDef.class.getName() + " d where "
                + "d.details.groupId = :g and d.details.ownerId <> d.pixels.image.details.ownerId", RenderingDef.class)
                .setParameter("g", groupId).getResultList()) {
            for (ChannelBinding b : h.createQuery("select b from " + ChannelBinding.class.getName()
                    + " b where b.renderingDef = :d", ChannelBinding.class).setParameter("d", d).getResultList()) {
                if (doomed.add(b)) {
                    lines.add(describe(b) + " of " + describe(d));
                }
            }
            if (doomed.add(d)) {
                lines.add(describe(d) + " made by another user for an image (with its quantum settings)");
                // its QuantumDef belongs to it alone: removed after it, as Renderings.delete does
                doomed.add(d.quantization());
            }
        }
        for (Thumbnail t : h.createQuery("select t from " + Thumbnail.class.getName() + " t where "
                + "t.details.groupId = :g and t.details.ownerId <> t.pixels.image.details.ownerId", Thumbnail.class)
                .setParameter("g", groupId).getResultList()) {
            if (doomed.add(t)) {
                lines.add(describe(t) + " made by another user for an image");
            }
        }
        if (!dryRun) {
            for (IObject o : doomed) {
                w.delete(o);
            }
        }
        return lines;
    }

    /** Links from users and groups are about people, not group data, and are not part of chmod. */
    private static boolean linksSystemObjects(Class<?> type) {
        String n = type.getSimpleName();
        return n.startsWith(Experimenter.class.getSimpleName()) || n.startsWith(ExperimenterGroup.class
                .getSimpleName());
    }

    private static String describe(IObject o) {
        return org.hibernate.Hibernate.getClass(o).getSimpleName() + ":" + o.id() + " (owner "
                + o.details().ownerId().map(String::valueOf).orElse("-") + ")";
    }
}
