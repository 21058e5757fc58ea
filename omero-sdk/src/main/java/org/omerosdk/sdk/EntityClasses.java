package org.omerosdk.sdk;

import java.util.List;
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
import org.omerosdk.model.core.DimensionOrderConverter;
import org.omerosdk.model.core.Image;
import org.omerosdk.model.core.LogicalChannel;
import org.omerosdk.model.core.PixelTypeConverter;
import org.omerosdk.model.core.Pixels;
import org.omerosdk.model.core.PlaneInfo;
import org.omerosdk.model.display.ChannelBinding;
import org.omerosdk.model.display.QuantumDef;
import org.omerosdk.model.display.RenderingDef;
import org.omerosdk.model.display.Thumbnail;
import org.omerosdk.model.fs.ChecksumAlgorithmConverter;
import org.omerosdk.model.fs.Fileset;
import org.omerosdk.model.fs.FilesetEntry;
import org.omerosdk.model.fs.OriginalFile;
import org.omerosdk.model.meta.Event;
import org.omerosdk.model.meta.EventLog;
import org.omerosdk.model.meta.Experimenter;
import org.omerosdk.model.meta.ExperimenterGroup;
import org.omerosdk.model.meta.GroupExperimenterMap;
import org.omerosdk.model.meta.Password;
import org.omerosdk.model.meta.PermissionsConverter;
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

/** The one list of mapped classes: Hibernate is configured from it, and the schema test checks it. */
final class EntityClasses {
    static final List<Class<?>> CONVERTERS = List.of(PermissionsConverter.class, PixelTypeConverter.class,
            DimensionOrderConverter.class, ChecksumAlgorithmConverter.class);

    static final List<Class<?>> ENTITIES = List.of(
            Experimenter.class, ExperimenterGroup.class, GroupExperimenterMap.class, Password.class, Session.class,
            Event.class, EventLog.class,
            Project.class, Dataset.class, ProjectDatasetLink.class, DatasetImageLink.class,
            Screen.class, Plate.class, Well.class, WellSample.class, PlateAcquisition.class, ScreenPlateLink.class,
            Image.class, Pixels.class, Channel.class, LogicalChannel.class, PlaneInfo.class,
            Fileset.class, FilesetEntry.class, OriginalFile.class,
            Annotation.class, TextAnnotation.class, CommentAnnotation.class, TagAnnotation.class, XmlAnnotation.class,
            MapAnnotation.class, FileAnnotation.class, LongAnnotation.class, DoubleAnnotation.class,
            BooleanAnnotation.class, TimestampAnnotation.class, TermAnnotation.class,
            AnnotationAnnotationLink.class, ProjectAnnotationLink.class, DatasetAnnotationLink.class,
            ImageAnnotationLink.class, ChannelAnnotationLink.class, ScreenAnnotationLink.class,
            PlateAnnotationLink.class, WellAnnotationLink.class, PlateAcquisitionAnnotationLink.class,
            RoiAnnotationLink.class, FilesetAnnotationLink.class, OriginalFileAnnotationLink.class,
            ExperimenterAnnotationLink.class, ExperimenterGroupAnnotationLink.class,
            Roi.class, Shape.class, Rectangle.class, Ellipse.class, Point.class, Line.class, PointList.class,
            Polyline.class, Polygon.class, Mask.class, Label.class,
            RenderingDef.class, ChannelBinding.class, QuantumDef.class, Thumbnail.class,
            Instrument.class, Objective.class, ObjectiveSettings.class, Detector.class, LightSource.class,
            Laser.class, Filament.class, Arc.class, LightEmittingDiode.class, DetectorSettings.class,
            LightSettings.class, StageLabel.class, ImagingEnvironment.class, Experiment.class);

    private EntityClasses() {
    }

    /** Whether {@code type} attaches annotations (OMERO's {@code IAnnotationLink}: {@code XAnnotationLink}). */
    static boolean isAnnotationLink(Class<?> type) {
        return org.omerosdk.model.meta.Link.class.isAssignableFrom(type)
                && type.getSimpleName().endsWith("AnnotationLink");
    }
}
