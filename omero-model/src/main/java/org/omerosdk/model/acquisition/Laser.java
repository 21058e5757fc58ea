package org.omerosdk.model.acquisition;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Optional;
import org.omerosdk.model.units.Length;
import org.omerosdk.model.units.UnitsLength;

/** A laser and its wavelength (OMERO's Laser). */
@Entity
@DiscriminatorValue("Laser")
public class Laser extends LightSource {
    private Double wavelength;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private UnitsLength wavelengthUnit;
    private String laserMedium;

    protected Laser() {
    }

    /** A laser of {@code wavelength}; null when the wavelength is unknown. */
    public Laser(Instrument instrument, String model, Length wavelength) {
        super(instrument, model);
        this.wavelength = wavelength == null ? null : wavelength.value();
        this.wavelengthUnit = wavelength == null ? null : wavelength.unit();
    }

    public Optional<Length> wavelength() {
        requireLoaded();
        return Length.ofNullable(wavelength, wavelengthUnit);
    }

    /** OMERO's LaserMedium, e.g. {@code Argon}, {@code HeNe}, {@code Other}. */
    public Optional<String> laserMedium() {
        requireLoaded();
        return Optional.ofNullable(laserMedium);
    }

    public void setLaserMedium(String medium) {
        this.laserMedium = medium;
    }
}
