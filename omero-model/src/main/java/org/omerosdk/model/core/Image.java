package org.omerosdk.model.core;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.omerosdk.model.acquisition.Experiment;
import org.omerosdk.model.acquisition.ImagingEnvironment;
import org.omerosdk.model.acquisition.Instrument;
import org.omerosdk.model.acquisition.ObjectiveSettings;
import org.omerosdk.model.acquisition.StageLabel;
import org.omerosdk.model.fs.Fileset;
import org.omerosdk.model.meta.NamedObject;

/** An image (OMERO's Image): name, acquisition date, the fileset it was imported from, acquisition metadata. */
@Entity
@Table(name = "image", indexes = @Index(name = "image_fileset", columnList = "fileset"))
public class Image extends NamedObject {
    private Instant acquisitionDate;
    @Column(nullable = false)
    private int series;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "fileset")
    private Fileset fileset;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "instrument")
    private Instrument instrument;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "objectiveSettings")
    private ObjectiveSettings objectiveSettings;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "stageLabel")
    private StageLabel stageLabel;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "imagingEnvironment")
    private ImagingEnvironment imagingEnvironment;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "experiment")
    private Experiment experiment;

    protected Image() {
    }

    public Image(String name) {
        super(name);
    }

    public Optional<Instant> acquisitionDate() {
        requireLoaded();
        return Optional.ofNullable(acquisitionDate);
    }

    public void setAcquisitionDate(Instant when) {
        this.acquisitionDate = when;
    }

    /** Index of this image among the images of its file(s). */
    public int series() {
        requireLoaded();
        return series;
    }

    public void setSeries(int series) {
        this.series = series;
    }

    public void setFileset(Fileset fileset) {
        this.fileset = fileset;
    }

    public void setInstrument(Instrument instrument) {
        this.instrument = instrument;
    }

    public void setObjectiveSettings(ObjectiveSettings settings) {
        this.objectiveSettings = settings;
    }

    public void setStageLabel(StageLabel label) {
        this.stageLabel = label;
    }

    public void setImagingEnvironment(ImagingEnvironment environment) {
        this.imagingEnvironment = environment;
    }

    public void setExperiment(Experiment experiment) {
        this.experiment = experiment;
    }
}
