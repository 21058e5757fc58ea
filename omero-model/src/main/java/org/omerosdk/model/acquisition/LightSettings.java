package org.omerosdk.model.acquisition;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.Optional;
import org.omerosdk.model.meta.IObject;
import org.omerosdk.model.units.UnitColumns;
import org.omerosdk.model.units.Length;
import org.omerosdk.model.units.UnitsLength;

/**
 * How a {@link LightSource} was used for one channel (OMERO's LightSettings, OME-XML's LightSourceSettings, referred
 * to by the channel's {@code LogicalChannel.lightSourceSettings}): attenuation (a fraction, 0 to 1) and wavelength.
 */
@Entity
@Table(name = "lightsettings", indexes = @Index(name = "lightsettings_lightsource", columnList = "lightSource"))
public class LightSettings extends IObject {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "lightSource")
    private LightSource lightSource;
    private Double attenuation;
    private Double wavelength;
    @Convert(converter = UnitColumns.LengthUnit.class)
    @Column(length = 16)
    private UnitsLength wavelengthUnit;

    protected LightSettings() {
    }

    public LightSettings(LightSource lightSource) {
        this.lightSource = Objects.requireNonNull(lightSource, "lightSource");
    }

    public LightSource lightSource() {
        requireLoaded();
        return lightSource;
    }

    /** The attenuation as a fraction (OMERO's PercentFraction, 0 to 1). */
    public Optional<Double> attenuation() {
        requireLoaded();
        return Optional.ofNullable(attenuation);
    }

    public Optional<Length> wavelength() {
        requireLoaded();
        return Length.ofNullable(wavelength, wavelengthUnit);
    }

    public void setSettings(Double attenuation, Length wavelength) {
        this.attenuation = attenuation;
        this.wavelength = wavelength == null ? null : wavelength.value();
        this.wavelengthUnit = wavelength == null ? null : wavelength.unit();
    }
}
