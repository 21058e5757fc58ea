package org.omerosdk.sdk.graph;

import static org.omerosdk.sdk.graph.Fate.INCLUDE;
import static org.omerosdk.sdk.graph.Fate.INCLUDE_CHECKED;
import static org.omerosdk.sdk.graph.Fate.INCLUDE_IF_ALLOWED;
import static org.omerosdk.sdk.graph.Fate.ORPHAN;
import static org.omerosdk.sdk.graph.Fate.ORPHAN_IF_ALLOWED;
import static org.omerosdk.sdk.graph.Fate.REMOVE;
import static org.omerosdk.sdk.graph.Fate.STAY;
import static org.omerosdk.sdk.graph.GraphOperation.DELETE;
import static org.omerosdk.sdk.graph.GraphOperation.GIVE;
import static org.omerosdk.sdk.graph.GraphOperation.MOVE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.omerosdk.model.Permissions.Level;
import org.omerosdk.model.acquisition.Arc;
import org.omerosdk.model.acquisition.Detector;
import org.omerosdk.model.acquisition.DetectorSettings;
import org.omerosdk.model.acquisition.Experiment;
import org.omerosdk.model.acquisition.Filament;
import org.omerosdk.model.acquisition.ImagingEnvironment;
import org.omerosdk.model.acquisition.Instrument;
import org.omerosdk.model.acquisition.Laser;
import org.omerosdk.model.acquisition.LightEmittingDiode;
import org.omerosdk.model.acquisition.LightSettings;
import org.omerosdk.model.acquisition.LightSource;
import org.omerosdk.model.acquisition.Objective;
import org.omerosdk.model.acquisition.ObjectiveSettings;
import org.omerosdk.model.acquisition.StageLabel;
import org.omerosdk.model.annotations.Annotation;
import org.omerosdk.model.annotations.AnnotationAnnotationLink;
import org.omerosdk.model.annotations.BooleanAnnotation;
import org.omerosdk.model.annotations.ChannelAnnotationLink;
import org.omerosdk.model.annotations.CommentAnnotation;
import org.omerosdk.model.annotations.DatasetAnnotationLink;
import org.omerosdk.model.annotations.DoubleAnnotation;
import org.omerosdk.model.annotations.ExperimenterAnnotationLink;
import org.omerosdk.model.annotations.ExperimenterGroupAnnotationLink;
import org.omerosdk.model.annotations.FileAnnotation;
import org.omerosdk.model.annotations.FilesetAnnotationLink;
import org.omerosdk.model.annotations.ImageAnnotationLink;
import org.omerosdk.model.annotations.LongAnnotation;
import org.omerosdk.model.annotations.MapAnnotation;
import org.omerosdk.model.annotations.OriginalFileAnnotationLink;
import org.omerosdk.model.annotations.PlateAcquisitionAnnotationLink;
import org.omerosdk.model.annotations.PlateAnnotationLink;
import org.omerosdk.model.annotations.ProjectAnnotationLink;
import org.omerosdk.model.annotations.RoiAnnotationLink;
import org.omerosdk.model.annotations.ScreenAnnotationLink;
import org.omerosdk.model.annotations.TagAnnotation;
import org.omerosdk.model.annotations.TermAnnotation;
import org.omerosdk.model.annotations.TextAnnotation;
import org.omerosdk.model.annotations.TimestampAnnotation;
import org.omerosdk.model.annotations.WellAnnotationLink;
import org.omerosdk.model.annotations.XmlAnnotation;
import org.omerosdk.model.containers.Dataset;
import org.omerosdk.model.containers.DatasetImageLink;
import org.omerosdk.model.containers.Project;
import org.omerosdk.model.containers.ProjectDatasetLink;
import org.omerosdk.model.core.Channel;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.LogicalChannel;
import org.omerosdk.model.core.Pixels;
import org.omerosdk.model.core.PlaneInfo;
import org.omerosdk.model.display.ChannelBinding;
import org.omerosdk.model.display.QuantumDef;
import org.omerosdk.model.display.RenderingDef;
import org.omerosdk.model.display.Thumbnail;
import org.omerosdk.model.fs.Fileset;
import org.omerosdk.model.fs.FilesetEntry;
import org.omerosdk.model.fs.OriginalFile;
import org.omerosdk.model.meta.Event;
import org.omerosdk.model.meta.EventLog;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.model.meta.GroupExperimenterMap;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.model.meta.Link;
import org.omerosdk.model.meta.Password;
import org.omerosdk.model.meta.Session;
import org.omerosdk.model.roi.Ellipse;
import org.omerosdk.model.roi.Label;
import org.omerosdk.model.roi.Line;
import org.omerosdk.model.roi.Mask;
import org.omerosdk.model.roi.Point;
import org.omerosdk.model.roi.PointList;
import org.omerosdk.model.roi.Polygon;
import org.omerosdk.model.roi.Polyline;
import org.omerosdk.model.roi.Rectangle;
import org.omerosdk.model.roi.Roi;
import org.omerosdk.model.roi.Shape;
import org.omerosdk.model.screen.Plate;
import org.omerosdk.model.screen.PlateAcquisition;
import org.omerosdk.model.screen.Screen;
import org.omerosdk.model.screen.ScreenPlateLink;
import org.omerosdk.model.screen.Well;
import org.omerosdk.model.screen.WellSample;

/**
 * OMERO's graph rules (omero-blitz {@code blitz-{delete,chgrp,chown}-rules.xml}) as typed tables: the role of
 * every mapped type, every relation between two types with a {@link Rule} per operation, and the fate of each
 * annotation kind with the object it annotates and when only its link is removed. One traversal reads these
 * tables for every operation; nothing else decides what goes with what.
 *
 * <p>Immutable; {@link #omero()} is the policy the SDK runs.
 */
public final class GraphPolicy {
    private static final GraphPolicy OMERO = build();

    private final Map<Class<?>, TypeRole> roles;
    private final List<Relation> relations;
    private final Map<Class<? extends Annotation>, Map<GraphOperation, Rule>> annotationRules;
    private final Map<Class<? extends Annotation>, Rule> unlinkRules;

    private GraphPolicy(Map<Class<?>, TypeRole> roles, List<Relation> relations,
                        Map<Class<? extends Annotation>, Map<GraphOperation, Rule>> annotationRules,
                        Map<Class<? extends Annotation>, Rule> unlinkRules) {
        this.roles = Map.copyOf(roles);
        this.relations = List.copyOf(relations);
        this.annotationRules = Map.copyOf(annotationRules);
        this.unlinkRules = Map.copyOf(unlinkRules);
    }

    /** OMERO's rules. */
    public static GraphPolicy omero() {
        return OMERO;
    }

    /** The role of a mapped type, if the policy knows it. */
    public Optional<TypeRole> role(Class<?> type) {
        return Optional.ofNullable(roles.get(type));
    }

    /** Every type the policy gives a role. */
    public java.util.Set<Class<?>> types() {
        return roles.keySet();
    }

    public List<Relation> relations() {
        return relations;
    }

    /**
     * The rule for an annotation of {@code kind} (a concrete annotation class) when the object it annotates is
     * included in {@code op}.
     */
    public Rule annotationRule(Class<?> kind, GraphOperation op) {
        return lookup(annotationRules, kind).get(op);
    }

    /** The rule for an annotation of {@code kind} when one of its links is deleted on its own (unlinked). */
    public Rule unlinkRule(Class<?> kind) {
        return lookup(unlinkRules, kind);
    }

    private static <V> V lookup(Map<Class<? extends Annotation>, V> table, Class<?> kind) {
        for (Class<?> c = kind; c != null; c = c.getSuperclass()) {
            V v = table.get(c);
            if (v != null) {
                return v;
            }
        }
        throw new IllegalArgumentException(kind.getSimpleName() + " is not an annotation kind of the policy");
    }

    private static GraphPolicy build() {
        Map<Class<?>, TypeRole> roles = new LinkedHashMap<>();
        for (Class<?> c : List.of(Experimenter.class, ExperimenterGroup.class, GroupExperimenterMap.class,
                Password.class, Session.class, Event.class, EventLog.class)) {
            roles.put(c, TypeRole.SYSTEM);
        }
        for (Class<?> c : List.of(Project.class, Dataset.class, Screen.class, Plate.class, Well.class,
                PlateAcquisition.class, Image.class, Fileset.class, OriginalFile.class, Roi.class, RenderingDef.class,
                Thumbnail.class, Instrument.class, Experiment.class, Annotation.class, TextAnnotation.class, CommentAnnotation.class,
                TagAnnotation.class, XmlAnnotation.class, MapAnnotation.class, FileAnnotation.class,
                LongAnnotation.class, DoubleAnnotation.class, BooleanAnnotation.class, TimestampAnnotation.class,
                TermAnnotation.class)) {
            roles.put(c, TypeRole.TARGET);
        }
        for (Class<?> c : List.of(Pixels.class, Channel.class, LogicalChannel.class, PlaneInfo.class,
                WellSample.class, FilesetEntry.class, ChannelBinding.class, QuantumDef.class, Shape.class,
                Rectangle.class, Ellipse.class, Point.class, Line.class, PointList.class, Polyline.class,
                Polygon.class, Mask.class, Label.class, Objective.class, ObjectiveSettings.class, Detector.class,
                LightSource.class, Laser.class, Filament.class, Arc.class, LightEmittingDiode.class,
                DetectorSettings.class, LightSettings.class, StageLabel.class, ImagingEnvironment.class)) {
            roles.put(c, TypeRole.PART);
        }
        List<Relation> r = new ArrayList<>();
        // containers: contents go when nothing else holds them (an image in two datasets survives one); a move
        // or give takes contents the caller may move or give; links to what stays are removed
        Rule contents = Rule.of(ORPHAN_IF_ALLOWED);
        Map<GraphOperation, Rule> containerRules = rules(contents, contents, contents.sameOwner());
        linked(r, Project.class, Dataset.class, ProjectDatasetLink.class, containerRules);
        linked(r, Dataset.class, Image.class, DatasetImageLink.class, containerRules);
        linked(r, Screen.class, Plate.class, ScreenPlateLink.class, containerRules);
        // screens: wells and runs are the plate's, fields the well's and run's; a field's image goes with it
        Rule part = Rule.of(INCLUDE_CHECKED);
        contains(r, Plate.class, Well.class, "plate", rules(part, part, part));
        contains(r, Plate.class, PlateAcquisition.class, "plate", rules(part, part, part));
        contains(r, Well.class, WellSample.class, "well", rules(part, part, part));
        contains(r, PlateAcquisition.class, WellSample.class, "plateAcquisition", rules(part, part, part));
        uses(r, WellSample.class, Image.class, "image", rules(Rule.of(ORPHAN_IF_ALLOWED), part, part.sameOwner()));
        // the image sub-graph
        contains(r, Image.class, Pixels.class, "image", rules(part, part, part));
        contains(r, Pixels.class, Channel.class, "pixels", rules(part, part, part));
        contains(r, Pixels.class, PlaneInfo.class, "pixels", rules(part, part, part));
        // every user's rendering settings and thumbnails, regardless of permissions; into a private group others'
        // are deleted; given only in private groups
        Rule display = Rule.of(INCLUDE).othersIntoPrivate(REMOVE);
        Map<GraphOperation, Rule> displayRules = rules(display, display,
                Rule.of(INCLUDE).sameOwner().onlyIn(Level.PRIVATE));
        contains(r, Pixels.class, RenderingDef.class, "pixels", displayRules);
        contains(r, Pixels.class, Thumbnail.class, "pixels", displayRules);
        Rule always = Rule.of(INCLUDE);
        contains(r, RenderingDef.class, ChannelBinding.class, "renderingDef", rules(always, always, always));
        Rule orphan = Rule.of(ORPHAN);
        uses(r, RenderingDef.class, QuantumDef.class, "quantization", rules(orphan, orphan, orphan));
        // shared metadata: goes with its last user; a move may not split it between groups
        uses(r, Channel.class, LogicalChannel.class, "logicalChannel", rules(orphan, orphan, orphan.sameOwner()));
        uses(r, Image.class, Instrument.class, "instrument", rules(Rule.of(ORPHAN_IF_ALLOWED), orphan,
                orphan.sameOwner()));
        uses(r, Image.class, ObjectiveSettings.class, "objectiveSettings", rules(orphan, orphan,
                orphan.sameOwner()));
        contains(r, Instrument.class, Objective.class, "instrument", rules(part, part, part));
        contains(r, Instrument.class, Detector.class, "instrument", rules(part, part, part));
        contains(r, Instrument.class, LightSource.class, "instrument", rules(part, part, part));
        contains(r, Objective.class, ObjectiveSettings.class, "objective", rules(part, part, part));
        // a channel's detector and light-source settings go with the channel's logical channel, and with the
        // detector or light source they refer to; an image's stage label and environment are the image's own (OMERO
        // writes one per image), an experiment may be shared by the images of a fileset
        uses(r, LogicalChannel.class, DetectorSettings.class, "detectorSettings", rules(orphan, orphan,
                orphan.sameOwner()));
        uses(r, LogicalChannel.class, LightSettings.class, "lightSourceSettings", rules(orphan, orphan,
                orphan.sameOwner()));
        contains(r, Detector.class, DetectorSettings.class, "detector", rules(part, part, part));
        contains(r, LightSource.class, LightSettings.class, "lightSource", rules(part, part, part));
        uses(r, Image.class, StageLabel.class, "stageLabel", rules(orphan, orphan, orphan.sameOwner()));
        uses(r, Image.class, ImagingEnvironment.class, "imagingEnvironment", rules(orphan, orphan,
                orphan.sameOwner()));
        uses(r, Image.class, Experiment.class, "experiment", rules(Rule.of(ORPHAN_IF_ALLOWED), orphan,
                orphan.sameOwner()));
        // ROIs: deleted with the image when the caller may delete them (else the delete is refused); moved with
        // it (others' deleted into a private group); given only in private and read-only groups
        contains(r, Image.class, Roi.class, "image", rules(Rule.of(INCLUDE_IF_ALLOWED),
                Rule.of(INCLUDE).othersIntoPrivate(REMOVE),
                Rule.of(INCLUDE).sameOwner().onlyIn(Level.PRIVATE, Level.READ_ONLY)));
        contains(r, Roi.class, Shape.class, "roi", rules(always, always, always));
        // filesets are atomic: a fileset goes with its last image, its images only all together
        uses(r, Image.class, Fileset.class, "fileset", rules(orphan, orphan, orphan));
        r.add(new Relation(Fileset.class, Image.class, new Relation.Contains("fileset"), rules(part, part, part),
                true));
        contains(r, Fileset.class, FilesetEntry.class, "fileset", rules(part, part, part));
        uses(r, FilesetEntry.class, OriginalFile.class, "originalFile", rules(orphan, orphan, orphan));
        // a file annotation and its file go together
        contains(r, OriginalFile.class, FileAnnotation.class, "file", rules(always, always, always));
        uses(r, FileAnnotation.class, OriginalFile.class, "file", rules(orphan, orphan, orphan));
        // annotation links: the far end's rule is the annotation kind's (annotationRule)
        Map<GraphOperation, Rule> byKind = rules(orphan, orphan, orphan);
        linked(r, Project.class, Annotation.class, ProjectAnnotationLink.class, byKind);
        linked(r, Dataset.class, Annotation.class, DatasetAnnotationLink.class, byKind);
        linked(r, Image.class, Annotation.class, ImageAnnotationLink.class, byKind);
        linked(r, Channel.class, Annotation.class, ChannelAnnotationLink.class, byKind);
        linked(r, Screen.class, Annotation.class, ScreenAnnotationLink.class, byKind);
        linked(r, Plate.class, Annotation.class, PlateAnnotationLink.class, byKind);
        linked(r, Well.class, Annotation.class, WellAnnotationLink.class, byKind);
        linked(r, PlateAcquisition.class, Annotation.class, PlateAcquisitionAnnotationLink.class, byKind);
        linked(r, Roi.class, Annotation.class, RoiAnnotationLink.class, byKind);
        linked(r, Fileset.class, Annotation.class, FilesetAnnotationLink.class, byKind);
        linked(r, OriginalFile.class, Annotation.class, OriginalFileAnnotationLink.class, byKind);
        linked(r, Annotation.class, Annotation.class, AnnotationAnnotationLink.class, byKind);
        linked(r, Experimenter.class, Annotation.class, ExperimenterAnnotationLink.class, byKind);
        linked(r, ExperimenterGroup.class, Annotation.class, ExperimenterGroupAnnotationLink.class, byKind);
        for (Relation rel : r) {
            if (rel.path() instanceof Relation.Linked l) {
                roles.put(l.type(), TypeRole.LINK);
            }
        }

        // annotation fate (semantics 3.4 / 4.4 / 5): comments and basic values die with their object regardless of
        // permissions, maps and XML if the caller may, tags and files only if the object's owner owns them; none
        // is given in read-annotate and read-write groups
        Map<Class<? extends Annotation>, Map<GraphOperation, Rule>> kinds = new LinkedHashMap<>();
        Map<Class<? extends Annotation>, Rule> unlink = new LinkedHashMap<>();
        Rule given = Rule.of(ORPHAN).onlyIn(Level.PRIVATE, Level.READ_ONLY);
        for (Class<? extends Annotation> c : List.of(CommentAnnotation.class, LongAnnotation.class,
                DoubleAnnotation.class, BooleanAnnotation.class, TimestampAnnotation.class, TermAnnotation.class)) {
            kinds.put(c, rules(orphan, orphan.othersIntoPrivate(STAY), given));
            unlink.put(c, orphan);
        }
        Rule ifAllowed = Rule.of(ORPHAN_IF_ALLOWED);
        for (Class<? extends Annotation> c : List.of(MapAnnotation.class, XmlAnnotation.class, Annotation.class,
                TextAnnotation.class)) {
            kinds.put(c, rules(ifAllowed, ifAllowed.othersIntoPrivate(STAY),
                    Rule.of(ORPHAN_IF_ALLOWED).onlyIn(Level.PRIVATE, Level.READ_ONLY)));
            unlink.put(c, ifAllowed);
        }
        for (Class<? extends Annotation> c : List.of(TagAnnotation.class, FileAnnotation.class)) {
            Rule owned = Rule.of(ORPHAN_IF_ALLOWED).sameOwner();
            kinds.put(c, rules(owned, owned, owned.onlyIn(Level.PRIVATE, Level.READ_ONLY)));
            unlink.put(c, Rule.of(STAY));
        }
        return new GraphPolicy(roles, r, kinds, unlink);
    }

    private static Map<GraphOperation, Rule> rules(Rule delete, Rule move, Rule give) {
        return Map.of(DELETE, delete, MOVE, move, GIVE, give);
    }

    private static void contains(List<Relation> r, Class<? extends IObject> from, Class<? extends IObject> to,
                                 String property, Map<GraphOperation, Rule> rules) {
        r.add(new Relation(from, to, new Relation.Contains(property), rules, false));
    }

    private static void uses(List<Relation> r, Class<? extends IObject> from, Class<? extends IObject> to,
                             String property, Map<GraphOperation, Rule> rules) {
        r.add(new Relation(from, to, new Relation.Uses(property), rules, false));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void linked(List<Relation> r, Class<? extends IObject> from, Class<? extends IObject> to,
                               Class<? extends Link> link, Map<GraphOperation, Rule> rules) {
        r.add(new Relation(from, to, new Relation.Linked((Class<? extends Link<?, ?>>) (Class) link), rules, false));
    }
}
