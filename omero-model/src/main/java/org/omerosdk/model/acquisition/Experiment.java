package org.omerosdk.model.acquisition;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Optional;
import org.omerosdk.model.meta.IObject;

/**
 * The experiment images belong to (OMERO's Experiment): its type (OMERO's ExperimentType, e.g. {@code FRET},
 * {@code TimeLapse}, {@code Other}; OME-XML may list several, kept as written, comma-separated) and description.
 * Several images of a fileset may share one.
 */
@Entity
@Table(name = "experiment")
public class Experiment extends IObject {
    private String type;
    @Column(length = 10000)
    private String description;

    public Experiment() {
    }

    public Experiment(String type, String description) {
        this.type = type;
        this.description = description;
    }

    public Optional<String> type() {
        requireLoaded();
        return Optional.ofNullable(type);
    }

    public Optional<String> description() {
        requireLoaded();
        return Optional.ofNullable(description);
    }
}
