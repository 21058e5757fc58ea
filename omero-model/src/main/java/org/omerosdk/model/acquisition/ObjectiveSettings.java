package org.omerosdk.model.acquisition;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.meta.IObject;

/** How an {@link Objective} was used for an image: correction collar, medium, refractive index. */
@Entity
@Table(name = "objectivesettings")
public class ObjectiveSettings extends IObject {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "objective")
    private Objective objective;
    private Double correctionCollar;
    private String medium;
    private Double refractiveIndex;

    protected ObjectiveSettings() {
    }

    public ObjectiveSettings(Objective objective) {
        this.objective = Objects.requireNonNull(objective, "objective");
    }

    public Objective objective() {
        requireLoaded();
        return objective;
    }

    public Optional<Double> correctionCollar() {
        requireLoaded();
        return Optional.ofNullable(correctionCollar);
    }

    public Optional<String> medium() {
        requireLoaded();
        return Optional.ofNullable(medium);
    }

    public Optional<Double> refractiveIndex() {
        requireLoaded();
        return Optional.ofNullable(refractiveIndex);
    }

    public void setSettings(Double correctionCollar, String medium, Double refractiveIndex) {
        this.correctionCollar = correctionCollar;
        this.medium = medium;
        this.refractiveIndex = refractiveIndex;
    }
}
