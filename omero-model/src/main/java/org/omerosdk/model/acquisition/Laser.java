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

    protected Laser() {
    }

    public Laser(Instrument instrument, String model, Length wavelength) {
        super(instrument, model);
        this.wavelength = wavelength.value();
        this.wavelengthUnit = wavelength.unit();
    }

    public Optional<Length> wavelength() {
        requireLoaded();
        return Length.ofNullable(wavelength, wavelengthUnit);
    }
}
